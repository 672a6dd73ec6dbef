// Applies the SQL migrations in drizzle/ to DATABASE_URL, or to the embedded database.
import { getDatabaseHandle } from '@/lib/db/client';
import { getConfig } from '@/lib/config';

const handle = await getDatabaseHandle();
console.error(
  `migrations applied (${handle.kind}${handle.kind === 'pglite' ? `: ${getConfig().GREENLIGHT_DATA_DIR}` : ''})`,
);
await handle.close();
