import { describe, expect, it } from 'vitest';
import { checkResultsFrom } from './facts';
import { readWizardInputs } from './inputs';
import { getFlow } from './load';
import { nextNode, replayPath, startOf } from './stepper';
import type { FactSite, TroubleshootFacts } from './facts';
import type { SiteRole } from '@/lib/auth/roles';

// The fixture flow (tests/fixtures/content), as the e2e servers read it.
const flow = getFlow('authorize-app')!;
const inputs = readWizardInputs({ site: 'acme.atlassian.net', app: 'DocuFlow' });
const factsAs = (role: SiteRole): TroubleshootFacts => {
  const site: FactSite = {
    id: 'site-acme',
    cloudId: 'c1',
    name: 'acme',
    url: 'https://acme.atlassian.net',
    role,
  };
  return {
    viewer: { email: 'pat@acme.test', name: 'Pat' },
    sites: [site],
    apps: [{ id: 'app-docuflow', name: 'DocuFlow', scopes: [], status: 'not-authorized', request: null }],
  };
};

describe('a Jira or Confluence admin in the troubleshooter', () => {
  it('is asked whether they are a site or org admin before any admin step', () => {
    const checks = checkResultsFrom(inputs, factsAs('product-admin'));
    const first = startOf(flow, checks).node;
    expect(first.id).toBe('confirm-admin');
    expect(first.kind === 'action' && first.title).toBe('Are you a site admin or org admin of {site}?');
    expect(JSON.stringify(first)).not.toMatch(/You're an admin/);
  });

  it('goes to the admin steps after "yes" and to the request after "no"', () => {
    const checks = checkResultsFrom(inputs, factsAs('product-admin'));
    expect(nextNode(flow, 'confirm-admin', 'confirmed', checks)?.node.id).toBe('admin-steps');
    expect(nextNode(flow, 'confirm-admin', 'not-admin', checks)?.node.id).toBe('request-access');
  });

  it('lands on the admin steps once the answer is stored as site admin', () => {
    const confirmed = checkResultsFrom(inputs, factsAs('site-admin'));
    const trail = replayPath(flow, ['confirm-admin', 'admin-steps'], confirmed);
    expect(trail.steps.at(-1)?.node.id).toBe('admin-steps');
  });

  it('never asks a site admin or a user', () => {
    expect(startOf(flow, checkResultsFrom(inputs, factsAs('site-admin'))).node.id).toBe('admin-steps');
    expect(startOf(flow, checkResultsFrom(inputs, factsAs('user'))).node.id).toBe('request-access');
    expect(startOf(flow, checkResultsFrom(inputs, factsAs('user-access-admin'))).node.id).toBe(
      'request-access',
    );
  });
});
