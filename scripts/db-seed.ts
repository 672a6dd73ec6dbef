// Loads the demo organisation into DATABASE_URL, or into the embedded database (which also seeds
// itself on start). Idempotent: only the demo rows are upserted; other data is left alone.
//
// --demo-activity also replaces 30 days of made-up searches, votes, troubleshooter visits and
// decided access requests (ending now), so /admin/insights has something to show.
import { getDatabaseHandle, onEmbeddedDatabaseOpened } from '@/lib/db/client';
import { seedDemo } from '@/lib/demo/seed-demo';
import { seedDemoActivity } from '@/lib/demo/seed-demo-activity';
import { seedEmbeddedDatabase } from '@/lib/demo/seed-embedded-database';

const withActivity = process.argv.slice(2).includes('--demo-activity');

// The embedded database seeds itself on open, as under the server (first start: demo activity too).
onEmbeddedDatabaseOpened(seedEmbeddedDatabase);
const handle = await getDatabaseHandle();
await seedDemo(handle.db);
console.error(`demo organisation seeded (${handle.kind})`);
if (withActivity) {
  const activity = await seedDemoActivity(handle.db);
  console.error(
    `demo activity seeded: ${activity.searches.length} searches, ${activity.votes.length} votes, ` +
      `${activity.flowEvents.length} troubleshooter events, ${activity.requests.length} access requests`,
  );
}
await handle.close();
