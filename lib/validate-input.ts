import type { z } from 'zod';
import { AppError } from './errors';

// Input checked against a zod schema, failing as a 400 AppError that names the first problem.
// Neutral like errors.ts: route handlers (lib/http/parse.ts) and domain functions both use it.

/** The first problem, as `field: message`. */
function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid input.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** The value as the schema reads it, or a 400 invalid_input AppError naming the first problem. */
export function parseWith<T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('invalid_input', describe(parsed.error));
  return parsed.data;
}
