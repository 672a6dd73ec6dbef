import { describe, expect, it } from 'vitest';
import { pickFallbackRoute } from './pick-fallback-route';

const deployment = [
  { pattern: '*.atlassian.net', addresses: ['helpdesk@example.com'] },
  { pattern: 'globex.atlassian.net', addresses: ['it@globex.test'] },
];
const acmeRoutes = [
  { organizationId: 'org-acme', pattern: '*.atlassian.net', addresses: ['it@acme.test'] },
  { organizationId: 'org-acme', pattern: 'acme-eu.atlassian.net', addresses: ['eu-admins@acme.test'] },
];

describe('pickFallbackRoute', () => {
  it("prefers the site's own organisation's route over the deployment's on the same pattern", () => {
    expect(
      pickFallbackRoute({ host: 'acme.atlassian.net', organizationId: 'org-acme' }, acmeRoutes, deployment),
    ).toEqual({
      pattern: '*.atlassian.net',
      addresses: ['it@acme.test'],
      source: 'organization',
    });
  });

  it('takes the most specific pattern, whoever set it', () => {
    expect(
      pickFallbackRoute({ host: 'acme-eu.atlassian.net', organizationId: 'org-acme' }, acmeRoutes, deployment)
        ?.addresses,
    ).toEqual(['eu-admins@acme.test']);
    expect(
      pickFallbackRoute({ host: 'globex.atlassian.net', organizationId: 'org-acme' }, acmeRoutes, deployment),
    ).toMatchObject({ addresses: ['it@globex.test'], source: 'deployment' });
  });

  it("never applies an organisation's routes to another organisation's site, or a site of unknown organisation", () => {
    for (const organizationId of ['org-globex', null]) {
      expect(
        pickFallbackRoute({ host: 'acme-eu.atlassian.net', organizationId }, acmeRoutes, deployment),
      ).toEqual({
        pattern: '*.atlassian.net',
        addresses: ['helpdesk@example.com'],
        source: 'deployment',
      });
    }
  });

  it('finds no route when nothing matches or the site has no host', () => {
    expect(
      pickFallbackRoute({ host: 'wiki.example.org', organizationId: 'org-acme' }, acmeRoutes, deployment),
    ).toBeNull();
    expect(pickFallbackRoute({ host: null, organizationId: 'org-acme' }, acmeRoutes, deployment)).toBeNull();
    expect(pickFallbackRoute({ host: 'acme.atlassian.net', organizationId: 'org-acme' }, [], [])).toBeNull();
  });
});
