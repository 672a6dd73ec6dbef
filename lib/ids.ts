import { z } from 'zod';

/**
 * Greenlight's ids (sites, apps, users, access requests) as they arrive from outside: short
 * opaque strings. The one id schema; path parameters use it as is, so a path names an id exactly.
 */
export const idSchema = z.string().min(1).max(200);

/** An id typed into a body or a query string: surrounding spaces are dropped first. */
export const trimmedIdSchema = z.string().trim().pipe(idSchema);
