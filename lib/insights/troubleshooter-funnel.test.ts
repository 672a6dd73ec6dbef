import { describe, expect, it } from 'vitest';
import { troubleshooterFunnel, type FlowEventRow } from './troubleshooter-funnel';

const T0 = Date.parse('2025-03-10T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const asOf = at(24 * 60);

const shown = (visitId: string, node: string, minute: number, flow = 'authorize-app'): FlowEventRow => ({
  visitId,
  flow,
  node,
  kind: 'node_shown',
  outcome: null,
  createdAt: at(minute),
});
const chose = (visitId: string, node: string, minute: number): FlowEventRow => ({
  visitId,
  flow: 'authorize-app',
  node,
  kind: 'choice_made',
  outcome: null,
  createdAt: at(minute),
});
const ended = (visitId: string, node: string, outcome: string, minute: number): FlowEventRow[] => [
  shown(visitId, node, minute),
  { visitId, flow: 'authorize-app', node, kind: 'outcome_reached', outcome, createdAt: at(minute) },
];

// Six visits through the node ids of the authorize-app flow (as in tests/fixtures/content).
const EVENTS: FlowEventRow[] = [
  // v1: anonymous, not an admin, knows the admin → escalated (contact-admin)
  shown('v1', 'ask-role', 0),
  chose('v1', 'ask-role', 1),
  shown('v1', 'ask-know-admin', 1),
  chose('v1', 'ask-know-admin', 2),
  ...ended('v1', 'contact-admin', 'escalated', 2),
  // v2: signed-in member asks for access → requested
  shown('v2', 'request-access', 0),
  chose('v2', 'request-access', 3),
  ...ended('v2', 'requested', 'requested', 3),
  // v3: admin authorizes → resolved
  shown('v3', 'admin-steps', 0),
  chose('v3', 'admin-steps', 5),
  ...ended('v3', 'authorized', 'resolved', 5),
  // v4: leaves at ask-know-admin, long ago → abandoned there
  shown('v4', 'ask-role', 10),
  chose('v4', 'ask-role', 11),
  shown('v4', 'ask-know-admin', 11),
  // v5: denied (escalated) then asked again and the app was approved (resolved): not deflected
  shown('v5', 'request-status', 0),
  ...ended('v5', 'denied', 'escalated', 1),
  ...ended('v5', 'approved', 'resolved', 60),
  // v6: still on ask-role ten minutes before asOf → in progress, not abandoned
  shown('v6', 'ask-role', 24 * 60 - 10),
  // another flow's events are not counted
  shown('v7', 'ask-role', 0, 'other-flow'),
];

describe('troubleshooterFunnel', () => {
  const funnel = troubleshooterFunnel('authorize-app', EVENTS, { asOf });

  it('counts visits and how many reached each node (once per visit)', () => {
    expect(funnel.visits).toBe(6);
    const reached = Object.fromEntries(funnel.nodes.map((node) => [node.node, node.reached]));
    expect(reached).toMatchObject({
      'ask-role': 3,
      'ask-know-admin': 2,
      'contact-admin': 1,
      requested: 1,
      authorized: 1,
      denied: 1,
      approved: 1,
    });
  });

  it('sorts nodes by reach, most first', () => {
    expect(funnel.nodes[0]).toEqual({ node: 'ask-role', reached: 3, leftHere: 0 });
    expect(funnel.nodes[1]).toEqual({ node: 'ask-know-admin', reached: 2, leftHere: 1 });
  });

  it('counts endings by the last outcome, abandoned after 30 idle minutes, and in-progress visits apart', () => {
    expect(funnel.endings).toEqual({ resolved: 2, requested: 1, escalated: 1, abandoned: 1 });
    expect(funnel.inProgress).toBe(1);
    expect(funnel.ended).toBe(5);
  });

  it('deflects resolved and requested visits that never escalated, over ended visits', () => {
    expect(funnel.deflected).toBe(2); // v2, v3 (v5 escalated on the way)
    expect(funnel.deflectionRate).toBeCloseTo(2 / 5);
  });

  it('honours a shorter abandon threshold and asOf', () => {
    const strict = troubleshooterFunnel('authorize-app', EVENTS, { asOf, abandonAfterMs: 5 * 60_000 });
    expect(strict.endings.abandoned).toBe(2);
    expect(strict.inProgress).toBe(0);
    expect(strict.nodes.find((node) => node.node === 'ask-role')?.leftHere).toBe(1);
  });

  it('reads the last step of a visit from the loaded order when a batch shares one timestamp', () => {
    const batch = [shown('b', 'ask-role', 0), chose('b', 'ask-role', 0), shown('b', 'find-out-role', 0)];
    const result = troubleshooterFunnel('authorize-app', batch, { asOf });
    expect(result.nodes.find((node) => node.node === 'find-out-role')?.leftHere).toBe(1);
  });

  it('has no deflection rate without ended visits', () => {
    const empty = troubleshooterFunnel('authorize-app', [], { asOf });
    expect(empty).toMatchObject({ visits: 0, nodes: [], ended: 0, deflected: 0, deflectionRate: null });
  });
});
