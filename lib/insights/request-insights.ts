import { median } from './median';

/** An access request as insights reads it. */
export interface AccessRequestTiming {
  id: string;
  siteName: string;
  appName: string;
  /** approved and denied are decisions; open, withdrawn, expired (…) are not. */
  status: string;
  createdAt: Date;
  decidedAt: Date | null;
}

export interface DecisionTimes {
  decided: number;
  approved: number;
  denied: number;
  /** Median time from request to decision over decided requests; null when none was decided. */
  medianMs: number | null;
}

const isDecided = (request: AccessRequestTiming): request is AccessRequestTiming & { decidedAt: Date } =>
  (request.status === 'approved' || request.status === 'denied') && request.decidedAt !== null;

/** Milliseconds from request to decision; null for requests not (yet) decided. */
export function timeToDecisionMs(request: AccessRequestTiming): number | null {
  return isDecided(request) ? Math.max(0, request.decidedAt.getTime() - request.createdAt.getTime()) : null;
}

/** How fast admins decide. Withdrawn and open requests are no decision and are left out. */
export function decisionTimes(requests: readonly AccessRequestTiming[]): DecisionTimes {
  const decided = requests.filter(isDecided);
  return {
    decided: decided.length,
    approved: decided.filter((request) => request.status === 'approved').length,
    denied: decided.filter((request) => request.status === 'denied').length,
    medianMs: median(decided.map((request) => timeToDecisionMs(request)!)),
  };
}

/** "3 h 20 min", "2 d 4 h", "45 s": a duration as a person reads it. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const minutes = Math.round(ms / 60_000);
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** Whom a request reached when filed (null: filed before Greenlight kept it). */
export interface RequestReachRow {
  reached: 'admins' | 'fallback' | 'nobody' | null;
}

export interface RequestReach {
  /** Requests asked in the range. */
  asked: number;
  /** Reached no admin and no fallback route: someone must find them in the inbox. */
  nobody: number;
  /** Reached only an operator-set fallback route (no admin of the site known). */
  fallbackOnly: number;
}

/** Never silently dropped: how many requests reached no admin, or only a fallback route. */
export function requestReach(rows: readonly RequestReachRow[]): RequestReach {
  return {
    asked: rows.length,
    nobody: rows.filter((row) => row.reached === 'nobody').length,
    fallbackOnly: rows.filter((row) => row.reached === 'fallback').length,
  };
}
