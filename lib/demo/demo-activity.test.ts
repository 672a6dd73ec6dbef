import { describe, expect, it } from 'vitest';
import { findUnknownEvent } from '@/lib/flows/event-input';
import { loadFlows } from '@/lib/flows/load';
import { DEMO_ACTIVITY_ID_PREFIX, generateDemoActivity } from './demo-activity';
import { troubleshooterFunnel } from '@/lib/insights/troubleshooter-funnel';

const NOW = new Date('2025-03-14T12:00:00Z');
const flows = loadFlows();
const articleSlugs = ['site-admin-must-authorize-app', 'connected-apps-page', 'find-your-site-admins'];
const generate = () => generateDemoActivity({ now: NOW, flows, articleSlugs });

describe('generateDemoActivity', () => {
  const activity = generate();

  it('is deterministic for a given now', () => {
    expect(generate()).toEqual(activity);
  });

  it('tags every row id with the demo prefix, and ids are unique', () => {
    const ids = [...activity.searches, ...activity.votes, ...activity.flowEvents, ...activity.requests].map(
      (row) => row.id,
    );
    expect(ids.every((id) => id.startsWith(DEMO_ACTIVITY_ID_PREFIX))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps everything in the last 30 days', () => {
    const times = [
      ...activity.searches.map((row) => row.createdAt),
      ...activity.votes.map((row) => row.updatedAt),
      ...activity.flowEvents.map((row) => row.createdAt),
      ...activity.requests.map((row) => row.decidedAt),
    ].map((at) => at.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 30 * 24 * 3_600_000);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
  });

  it('has searches with and without results, and No votes with reasons and comments', () => {
    expect(activity.searches.some((row) => row.resultCount === 0)).toBe(true);
    expect(activity.searches.some((row) => row.resultCount > 0)).toBe(true);
    expect(activity.votes.some((row) => !row.helpful && row.reason && row.comment)).toBe(true);
    expect(activity.votes.every((row) => articleSlugs.includes(row.articleSlug))).toBe(true);
  });

  it('walks real paths: every funnel event passes the API validator for the real flows', () => {
    const byVisit = new Map<string, typeof activity.flowEvents>();
    for (const event of activity.flowEvents)
      byVisit.set(event.visitId, [...(byVisit.get(event.visitId) ?? []), event]);
    expect(byVisit.size).toBe(240);
    for (const events of byVisit.values()) {
      const input = events.map(({ flow, node, kind, choice, outcome }) => ({
        flow,
        node,
        kind,
        ...(choice ? { choice } : {}),
        ...(outcome ? { outcome: outcome as 'resolved' } : {}),
      }));
      expect(findUnknownEvent(input, flows)).toBeUndefined();
    }
  });

  it('gives a funnel with every kind of ending', () => {
    const funnel = troubleshooterFunnel('authorize-app', activity.flowEvents, { asOf: NOW });
    expect(funnel.visits).toBe(240);
    expect(funnel.inProgress).toBe(0);
    for (const ending of ['resolved', 'requested', 'escalated', 'abandoned'] as const)
      expect(funnel.endings[ending]).toBeGreaterThan(0);
  });

  it('decides every access request, after it was made, with a reason for each denial', () => {
    expect(activity.requests.length).toBeGreaterThan(20);
    for (const request of activity.requests) {
      expect(request.decidedAt.getTime()).toBeGreaterThanOrEqual(request.createdAt.getTime());
      expect(request.status === 'denied').toBe(request.decisionReason !== null);
    }
  });
});
