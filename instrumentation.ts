/**
 * Next.js calls register() once when a server starts. The background scheduler (request expiry,
 * admin reminders, notification delivery) starts here, in the Node.js runtime only.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is a build-time constant that Next.js inlines per runtime (not configuration),
  // and it must be read literally here so the Edge bundle drops the Node-only import below.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getConfig } = await import('./lib/config');
  // `next build` loads instrumentation to prerender pages; it must not start jobs (or open the database).
  if (getConfig().NEXT_PHASE === 'phase-production-build') return;
  const { startScheduler } = await import('./lib/jobs/start-scheduler');
  startScheduler();
}
