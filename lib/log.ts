import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { getConfig } from '@/lib/config';

// Structured JSON logs on stdout, one object a line. Every line written while a request is handled
// carries its request id (taken from an AsyncLocalStorage that defineRoute fills), so a lib/
// function logs without being handed the id. Personal data never reaches a line: keys that hold it
// are removed, and error messages are scrubbed (drizzle puts query parameters in its messages).

interface RequestLogContext {
  requestId: string;
}

// On globalThis: Next.js bundles each route separately, and they must all read one store.
const holder = globalThis as typeof globalThis & {
  __greenlightRequestLog?: AsyncLocalStorage<RequestLogContext>;
};
const requestLog = (holder.__greenlightRequestLog ??= new AsyncLocalStorage<RequestLogContext>());

/** Runs `work` with `requestId` on every log line written inside it, however deep. */
export function withRequestId<T>(requestId: string, work: () => T): T {
  return requestLog.run({ requestId }, work);
}

function currentRequestId(): string | undefined {
  return requestLog.getStore()?.requestId;
}

/** Keys removed from every line: people's addresses, names of what they typed, secrets. */
const REDACTED_PATHS = [
  'email',
  '*.email',
  'query',
  '*.query',
  'password',
  '*.password',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'refreshToken',
  '*.refreshToken',
  'authorization',
  '*.authorization',
  'cookie',
  '*.cookie',
  'headers.cookie',
  'headers.authorization',
  'err.detail',
  'err.parameters',
];

const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[A-Za-z]{2,}/g;

/** Drops what an error message may carry about a person: e-mail addresses and SQL parameters. */
export function scrubPersonalData(text: string): string {
  return text.replace(/\bparams:[\s\S]*$/, 'params: [redacted]').replace(EMAIL, '[email]');
}

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: scrubPersonalData(String(error)) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: scrubPersonalData(error.message),
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: scrubPersonalData(error.stack) } : {}),
    ...(error.cause !== undefined ? { cause: serializeError(error.cause) } : {}),
  };
}

export function createLogger(level: LevelWithSilent, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, remove: true },
      serializers: { err: serializeError },
      mixin: () => {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
    },
    destination,
  );
}

export const logger = createLogger(getConfig().LOG_LEVEL);
