import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { parseWith } from '@/lib/validate-input';

const MAX_BODY_BYTES = 64 * 1024;

export async function parseJsonBody<T extends z.ZodTypeAny>(
  request: Request,
  schema: T,
): Promise<z.infer<T>> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError('body_too_large', 'The request body is too large.');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'The request body is not valid JSON.');
  }
  return parseWith(schema, value);
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
  const text = await request.text();
  if (text.trim() === '') return parseWith(schema, {});
  return parseJsonBody(new Request(request.url, { method: 'POST', body: text }), schema);
}
