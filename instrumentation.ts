/**
 * Next.js calls register() once when a server starts, before it serves a request. In the Node.js
 * runtime only: every request is stamped with its socket address (lib/http/peer-address.ts), the
 * embedded database learns to seed the demo when it opens (lib/db never imports
 * lib/demo), the background scheduler (request expiry, admin reminders, notification delivery)
 * starts, and what every first render or search needs is made ready (warmStart).
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is a build-time constant that Next.js inlines per runtime (not configuration),
  // and it must be read literally here so the Edge bundle drops the Node-only import below.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./lib/config');
  // `next build` loads instrumentation to prerender pages; it must not start jobs (or open the database).
  if (getConfig().NEXT_PHASE === 'phase-production-build') return;
  // Rate limits count per socket address, which Next.js does not hand to route handlers.
  const { stampPeerAddresses } = await import('./lib/http/peer-address');
  stampPeerAddresses();
  const { onEmbeddedDatabaseOpened } = await import('./lib/db/client');
  const { seedEmbeddedDatabase } = await import('./lib/demo/seed-embedded-database');
  onEmbeddedDatabaseOpened(seedEmbeddedDatabase);
  const { startScheduler } = await import('./lib/jobs/start-scheduler');
  startScheduler();
  // Before the first request: a new replica (or a restarted one) meets its traffic all at once,
  // and a hundred concurrent first requests would each wait on the same content reads, MDX compiles
  // and search index build (the first-request timeouts of docs/benchmarks.md, "Load").
  const { warmStart } = await import('./lib/pages/warm-start');
  await warmStart();
}
