import { beforeEach, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/flows/events/route';
import { flowEvents } from '@/lib/db/schema';
import { MAX_EVENTS_PER_BATCH } from '@/lib/flows/event-input';
import { createMemoryRateLimiter, setRateLimiterForTests } from '@/lib/http/rate-limit';
import { jsonRequest, readJson } from '@/tests/support/requests';
import { testBackends, openSuiteDatabase } from '@/tests/support/test-database';

const VISIT = '2b7f0c1e-8d4a-4b6e-9f3a-1c2d3e4f5a6b';
const shown = { flow: 'authorize-app', node: 'ask-role', kind: 'node_shown' };
const chose = { flow: 'authorize-app', node: 'ask-role', kind: 'choice_made', choice: 'no' };
const reached = {
  flow: 'authorize-app',
  node: 'contact-admin',
  kind: 'outcome_reached',
  outcome: 'escalated',
};

describe.each(testBackends())('POST /api/flows/events on $name', (backend) => {
  const suite = openSuiteDatabase(backend);
  beforeEach(async () => {
    setRateLimiterForTests(createMemoryRateLimiter());
    await suite.db.delete(flowEvents);
  });

  it('stores a valid batch', async () => {
    const response = await POST(
      jsonRequest('/api/flows/events', { visitId: VISIT, events: [shown, chose, reached] }),
    );
    expect(response.status).toBe(201);
    expect(await readJson(response)).toEqual({ stored: 3 });
    const rows = await suite.db.select().from(flowEvents);
    expect(
      rows.map(({ visitId, flow, node, kind, choice, outcome }) => ({
        visitId,
        flow,
        node,
        kind,
        choice,
        outcome,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          visitId: VISIT,
          flow: 'authorize-app',
          node: 'ask-role',
          kind: 'node_shown',
          choice: null,
          outcome: null,
        },
        {
          visitId: VISIT,
          flow: 'authorize-app',
          node: 'ask-role',
          kind: 'choice_made',
          choice: 'no',
          outcome: null,
        },
        {
          visitId: VISIT,
          flow: 'authorize-app',
          node: 'contact-admin',
          kind: 'outcome_reached',
          choice: null,
          outcome: 'escalated',
        },
      ]),
    );
  });

  it.each([
    ['an unknown flow', [shown, { ...shown, flow: 'no-such-flow' }], 'unknown_flow_event'],
    ['an unknown node', [shown, { ...shown, node: 'no-such-node' }], 'unknown_flow_event'],
    ['a check node, which is never shown', [{ ...shown, node: 'check-signed-in' }], 'unknown_flow_event'],
    ['a choice the node does not offer', [{ ...chose, choice: 'maybe' }], 'unknown_flow_event'],
    ['an outcome that does not match the node', [{ ...reached, outcome: 'resolved' }], 'unknown_flow_event'],
    ['an unknown kind', [{ ...shown, kind: 'clicked' }], 'invalid_input'],
    ['personal data in an extra field', [{ ...shown, email: 'nora@acme.test' }], 'invalid_input'],
    ['an empty batch', [], 'invalid_input'],
    [
      'a batch over the limit',
      Array.from({ length: MAX_EVENTS_PER_BATCH + 1 }, () => shown),
      'invalid_input',
    ],
  ])('rejects %s with 400 and stores nothing', async (_label, events, code) => {
    const response = await POST(jsonRequest('/api/flows/events', { visitId: VISIT, events }));
    expect(response.status).toBe(400);
    expect(await readJson(response)).toEqual({ error: { code, message: expect.any(String) } });
    expect(await suite.db.select().from(flowEvents)).toHaveLength(0);
  });

  it('rejects a visit id that is not a random uuid', async () => {
    const response = await POST(
      jsonRequest('/api/flows/events', { visitId: 'nora@acme.test', events: [shown] }),
    );
    expect(response.status).toBe(400);
    expect(await suite.db.select().from(flowEvents)).toHaveLength(0);
  });

  it('refuses a cross-site batch and text/plain', async () => {
    const body = { visitId: VISIT, events: [shown] };
    expect(
      (await POST(jsonRequest('/api/flows/events', body, { headers: { origin: 'https://evil.example' } })))
        .status,
    ).toBe(403);
    expect(
      (await POST(jsonRequest('/api/flows/events', body, { headers: { 'content-type': 'text/plain' } })))
        .status,
    ).toBe(415);
    expect(await suite.db.select().from(flowEvents)).toHaveLength(0);
  });

  it('rate limits a client that sends too many batches', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 62; i++)
      statuses.push(
        (await POST(jsonRequest('/api/flows/events', { visitId: VISIT, events: [shown] }))).status,
      );
    expect(statuses).toContain(429);
  });
});
