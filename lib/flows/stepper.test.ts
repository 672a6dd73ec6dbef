import { describe, expect, it } from 'vitest';
import type { CheckResults } from './checks';
import type { Flow } from './schema';
import { nextNode, remainingSteps, replayPath, resolveNode, startOf } from './stepper';

const flow: Flow = {
  id: 'fixture',
  title: 'Fixture',
  summary: 'A small flow for tests.',
  start: 'check-signed-in',
  nodes: [
    {
      id: 'check-signed-in',
      kind: 'check',
      check: 'signed-in',
      branches: { yes: 'check-admin', no: 'ask' },
      fallback: 'ask',
    },
    {
      id: 'check-admin',
      kind: 'check',
      check: 'site-admin',
      branches: { yes: 'steps', no: 'request' },
      fallback: 'ask',
    },
    {
      id: 'ask',
      kind: 'question',
      title: 'Admin?',
      choices: [
        { id: 'yes', label: 'Yes', next: 'steps' },
        { id: 'no', label: 'No', next: 'contact' },
      ],
    },
    {
      id: 'steps',
      kind: 'steps',
      title: 'Do it',
      steps: [{ text: 'One' }],
      choices: [{ id: 'done', label: 'Done', next: 'resolved' }],
    },
    {
      id: 'request',
      kind: 'action',
      action: 'send-access-request',
      title: 'Ask',
      results: { sent: 'requested', approved: 'resolved', denied: 'contact' },
    },
    { id: 'resolved', kind: 'outcome', outcome: 'resolved', title: 'Done', nextSteps: [], articles: [] },
    { id: 'requested', kind: 'outcome', outcome: 'requested', title: 'Asked', nextSteps: [], articles: [] },
    { id: 'contact', kind: 'outcome', outcome: 'escalated', title: 'Contact', nextSteps: [], articles: [] },
  ],
};

const anonymous: CheckResults = { 'signed-in': { answer: 'no' } };
const member: CheckResults = { 'signed-in': { answer: 'yes' }, 'site-admin': { answer: 'no' } };
const admin: CheckResults = { 'signed-in': { answer: 'yes' }, 'site-admin': { answer: 'yes' } };

describe('stepper', () => {
  it('follows check answers to the first node a visitor sees', () => {
    expect(startOf(flow, anonymous).node.id).toBe('ask');
    expect(startOf(flow, member).node.id).toBe('request');
    expect(startOf(flow, admin).node.id).toBe('steps');
  });

  it('asks the fallback question, with the reason, when a check cannot answer', () => {
    const checks: CheckResults = {
      'signed-in': { answer: 'yes' },
      'site-admin': { unavailable: { code: 'atlassian-timeout' } },
    };
    expect(startOf(flow, checks)).toEqual({
      node: expect.objectContaining({ id: 'ask' }),
      fallbackReason: { code: 'atlassian-timeout' },
    });
    expect(resolveNode(flow, 'check-admin', {}).node.id).toBe('ask');
  });

  it('moves on by choice id and by action result', () => {
    expect(nextNode(flow, 'ask', 'no', anonymous)?.node.id).toBe('contact');
    expect(nextNode(flow, 'ask', 'yes', anonymous)?.node.id).toBe('steps');
    expect(nextNode(flow, 'request', 'sent', member)?.node.id).toBe('requested');
    expect(nextNode(flow, 'request', 'denied', member)?.node.id).toBe('contact');
  });

  it('returns nothing for an unknown choice or at an outcome', () => {
    expect(nextNode(flow, 'ask', 'maybe', anonymous)).toBeUndefined();
    expect(nextNode(flow, 'request', 'toString', anonymous)).toBeUndefined();
    expect(nextNode(flow, 'resolved', 'done', anonymous)).toBeUndefined();
  });

  it('replays a path from the URL', () => {
    const trail = replayPath(flow, ['ask', 'steps', 'resolved'], anonymous);
    expect(trail.path).toEqual(['ask', 'steps', 'resolved']);
    expect(trail.steps.map((s) => s.node.id)).toEqual(['ask', 'steps', 'resolved']);
  });

  it('cuts a path at the first step that is not a legal next node', () => {
    expect(replayPath(flow, ['ask', 'requested', 'resolved'], anonymous).path).toEqual(['ask']);
    expect(replayPath(flow, ['steps'], anonymous).path).toEqual(['ask']);
    // A link shared by an anonymous visitor, opened by a signed-in member, starts at their own first step.
    expect(replayPath(flow, ['ask', 'contact'], member).path).toEqual(['request']);
  });

  it('accepts a recorded path whose app state has changed since, but never a different identity', () => {
    const stateFlow: Flow = {
      ...flow,
      start: 'check-admin',
      nodes: [
        {
          id: 'check-admin',
          kind: 'check',
          check: 'site-admin',
          branches: { yes: 'check-authorized', no: 'ask' },
          fallback: 'ask',
        },
        {
          id: 'check-authorized',
          kind: 'check',
          check: 'app-authorized',
          branches: { yes: 'already', no: 'steps' },
          fallback: 'ask',
        },
        ...flow.nodes.filter((node) => ['ask', 'steps', 'resolved', 'contact'].includes(node.id)),
        {
          id: 'already',
          kind: 'outcome',
          outcome: 'resolved',
          title: 'Already',
          nextSteps: [],
          articles: [],
        },
      ],
    };
    const authorizedNow: CheckResults = {
      'site-admin': { answer: 'yes' },
      'app-authorized': { answer: 'yes' },
    };
    // The admin authorized the app on "steps", then chose "done": the path still replays.
    expect(replayPath(stateFlow, ['steps', 'resolved'], authorizedNow).path).toEqual(['steps', 'resolved']);
    expect(replayPath(stateFlow, [], authorizedNow).path).toEqual(['already']);
    // A visitor who is not an admin cannot replay the admin's path.
    const notAdmin: CheckResults = { 'site-admin': { answer: 'no' }, 'app-authorized': { answer: 'no' } };
    expect(replayPath(stateFlow, ['steps', 'resolved'], notAdmin).path).toEqual(['ask']);
    // A state check that cannot answer allows only its fallback.
    const unknownApp: CheckResults = {
      'site-admin': { answer: 'yes' },
      'app-authorized': { unavailable: { code: 'app-unknown', app: 'Nope', site: 'acme.atlassian.net' } },
    };
    expect(replayPath(stateFlow, ['steps'], unknownApp).path).toEqual(['ask']);
  });

  it('counts the fewest screens left to an outcome', () => {
    expect(remainingSteps(flow, 'ask', anonymous)).toBe(1);
    expect(remainingSteps(flow, 'check-signed-in', admin)).toBe(1);
    expect(remainingSteps(flow, 'resolved', admin)).toBe(0);
  });
});
