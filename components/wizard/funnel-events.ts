// Funnel events leave the browser in batches: a short timer, a full queue, or the page going away.
// The visit id is random and lives in sessionStorage only; no personal data is ever sent.
import { sendFunnelEvents } from '@/components/api-client';
import type { FlowEventInput } from '@/lib/flows/event-input';

export type FunnelEvent = FlowEventInput;

const VISIT_KEY = 'gl_flow_visit';
const MAX_BATCH = 50;
const FLUSH_AFTER_MS = 3_000;

const queue: FunnelEvent[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let listening = false;

function visitId(): string {
  try {
    const existing = sessionStorage.getItem(VISIT_KEY);
    if (existing) return existing;
    const created = crypto.randomUUID();
    sessionStorage.setItem(VISIT_KEY, created);
    return created;
  } catch {
    // Storage blocked: a fresh id per page still groups the events of one step.
    return crypto.randomUUID();
  }
}

function flushFunnelEvents(): void {
  if (timer) clearTimeout(timer);
  timer = undefined;
  while (queue.length > 0) {
    const events = queue.splice(0, MAX_BATCH);
    sendFunnelEvents({ visitId: visitId(), events });
  }
}

export function trackFunnelEvent(event: FunnelEvent): void {
  if (typeof window === 'undefined') return;
  if (!listening) {
    listening = true;
    window.addEventListener('pagehide', flushFunnelEvents);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushFunnelEvents();
    });
  }
  queue.push(event);
  if (queue.length >= MAX_BATCH) flushFunnelEvents();
  else timer ??= setTimeout(flushFunnelEvents, FLUSH_AFTER_MS);
}
