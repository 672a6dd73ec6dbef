import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { parseWith } from '@/lib/validate-input';

/** The largest JSON body any route takes, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () =>
  new AppError('body_too_large', `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`);

/**
 * The body as text, refused with 413 as soon as it is known to be too large: on a declared
 * Content-Length before a byte is read, else once the bytes read pass the limit (the stream is
 * cancelled there, so a client cannot make the server hold more than the limit). Written here
 * rather than with a body-parsing package because those read Node streams, and route handlers get
 * a web stream. Bytes are decoded as strict UTF-8: a body that is not text is not JSON.
 */
async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid UTF-8 text.');
  }
}

function parseJsonText<T extends z.ZodTypeAny>(text: string, schema: T): z.infer<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  return parseWith(schema, value);
}

export async function parseJsonBody<T extends z.ZodTypeAny>(
  request: Request,
  schema: T,
): Promise<z.infer<T>> {
  return parseJsonText(await readBodyText(request), schema);
}

export function parseSearchParams<T extends z.ZodTypeAny>(request: Request, schema: T): z.infer<T> {
  const params = new URL(request.url).searchParams;
  const value: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    // A repeated parameter is ambiguous; the schema sees the first and rejects arrays nowhere.
    value[key] = params.get(key) ?? '';
  }
  return parseWith(schema, value);
}

/** For PUT-style calls whose body is optional: an empty body counts as `{}`. */
export async function parseOptionalJsonBody<T extends z.ZodTypeAny>(
  request: Request,
  schema: T,
): Promise<z.infer<T>> {
  const text = await readBodyText(request);
  if (text.trim() === '') return parseWith(schema, {});
  return parseJsonText(text, schema);
}
