import { describe, expect, it } from 'vitest';
import { cloudIdOfResource, rolesFromAssignments, sitesFromWorkspaces } from './org-roles';

const ACME = '0f9a3c1e-5b7d-4e2a-9c8f-1a2b3c4d5e01';
const SANDBOX = '0f9a3c1e-5b7d-4e2a-9c8f-1a2b3c4d5e02';

describe('sitesFromWorkspaces', () => {
  it('merges the Jira and Confluence workspaces of one host and skips workspaces without a host', () => {
    const sites = sitesFromWorkspaces([
      { id: ACME, attributes: { typeKey: 'jira-software', hostUrl: 'https://acme.atlassian.net' } },
      { id: 'conf-1', attributes: { typeKey: 'confluence', hostUrl: 'https://acme.atlassian.net/' } },
      { id: 'bb-1', attributes: { typeKey: 'bitbucket', hostUrl: null } },
      { id: SANDBOX, attributes: { typeKey: 'jira-servicedesk', hostUrl: 'acme-sandbox.atlassian.net' } },
    ]);
    expect(sites).toEqual([
      { cloudId: ACME, name: 'acme', url: 'https://acme.atlassian.net', products: ['jira', 'confluence'] },
      {
        cloudId: SANDBOX,
        name: 'acme-sandbox',
        url: 'https://acme-sandbox.atlassian.net',
        products: ['jsm'],
      },
    ]);
  });

  it('keeps the cloud id of a site Greenlight already knows by URL', () => {
    const [site] = sitesFromWorkspaces(
      [
        {
          id: 'workspace-9',
          attributes: { typeKey: 'jira-software', hostUrl: 'https://acme.atlassian.net' },
        },
      ],
      new Map([['https://acme.atlassian.net', ACME]]),
    );
    expect(site?.cloudId).toBe(ACME);
  });
});

describe('rolesFromAssignments', () => {
  const cloudIds = new Set([ACME, SANDBOX]);

  it('reads org admin, and the strongest role per site from roleAssignments', () => {
    const roles = rolesFromAssignments(
      [
        { resourceId: 'ari:cloud:platform::org/o1', roleAssignments: [{ role: 'atlassian/org-admin' }] },
        {
          resourceId: `ari:cloud:jira::site/${ACME}`,
          roleAssignments: [{ role: 'atlassian/user' }, { role: 'atlassian/admin' }],
        },
        {
          resourceId: `ari:cloud:jira::site/${SANDBOX}`,
          roleAssignments: [{ role: 'atlassian/user-access-admin' }, { role: 'atlassian/site-admin' }],
        },
      ],
      cloudIds,
    );
    expect(roles.orgAdmin).toBe(true);
    expect(Object.fromEntries(roles.siteRoles)).toEqual({ [ACME]: 'app-admin', [SANDBOX]: 'site-admin' });
  });

  it('falls back to the deprecated roles list, and ignores sites outside the org and unknown roles', () => {
    const roles = rolesFromAssignments(
      [
        { resourceId: `ari:cloud:jira::site/${ACME}`, roles: ['atlassian/guest'] },
        { resourceId: 'ari:cloud:jira::site/elsewhere', roles: ['atlassian/site-admin'] },
        { resourceId: `ari:cloud:jira::site/${SANDBOX}`, roles: ['atlassian/stakeholder'] },
      ],
      cloudIds,
    );
    expect(roles.orgAdmin).toBe(false);
    expect(Object.fromEntries(roles.siteRoles)).toEqual({ [ACME]: 'guest' });
  });

  it('accepts a bare cloud id as the resource', () => {
    expect(cloudIdOfResource(ACME, cloudIds)).toBe(ACME);
    expect(cloudIdOfResource(undefined, cloudIds)).toBeUndefined();
  });
});
