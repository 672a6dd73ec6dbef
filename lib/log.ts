import 'server-only';
import pino from 'pino';
import { getConfig } from '@/lib/config';

// Structured JSON logs on stdout. Callers log ids and codes, never e-mail addresses or tokens.
export const logger = pino({
  level: getConfig().LOG_LEVEL,
  base: undefined,
  redact: { paths: ['email', '*.email', 'token', '*.token', 'authorization', '*.authorization'], remove: true },
});
