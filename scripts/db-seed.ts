// Loads the demo organisation into DATABASE_URL, or into the embedded database (which also seeds
// itself on start). Idempotent: only the demo rows are upserted; other data is left alone.
import { getDatabaseHandle } from '@/lib/db/client';
import { seedDemo } from '@/lib/db/seed-demo';

const handle = await getDatabaseHandle();
await seedDemo(handle.db);
console.error(`demo organisation seeded (${handle.kind})`);
await handle.close();
