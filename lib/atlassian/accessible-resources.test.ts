import { describe, expect, it } from 'vitest';
import {
  cloudIdFromSiteId,
  mergeAccessibleResources,
  productOfScope,
  productsFromScopes,
  siteIdForCloudId,
} from '@/lib/atlassian/accessible-resources';

describe('productOfScope', () => {
  it.each([
    ['read:jira-work', 'jira'],
    ['read:jira-user', 'jira'],
    ['manage:jira-configuration', 'jira'],
    ['read:issue:jira', 'jira'],
    ['read:permission:jira', 'jira'],
    ['read:board-scope:jira-software', 'jira'],
    ['read:confluence-user', 'confluence'],
    ['read:confluence-content.all', 'confluence'],
    ['search:confluence', 'confluence'],
    ['read:page:confluence', 'confluence'],
    ['readonly:content.attachment:confluence', 'confluence'],
    ['read:servicedesk-request', 'jsm'],
    ['manage:servicedesk-customer', 'jsm'],
    ['read:request:jira-service-management', 'jsm'],
    ['read:servicemanagement-insight-objects', 'jsm'],
  ] as const)('%s belongs to %s', (scope, product) => {
    expect(productOfScope(scope)).toBe(product);
  });

  it.each(['read:me', 'offline_access', 'read:account', 'openid', ''])(
    '%s belongs to no product',
    (scope) => {
      expect(productOfScope(scope)).toBeUndefined();
    },
  );
});

describe('productsFromScopes', () => {
  it('lists each product once, in a stable order', () => {
    expect(
      productsFromScopes([
        'read:confluence-user',
        'read:servicedesk-request',
        'read:jira-work',
        'read:jira-user',
      ]),
    ).toEqual(['jira', 'confluence', 'jsm']);
  });

  it('is empty for product-neutral scopes', () => {
    expect(productsFromScopes(['read:me', 'offline_access'])).toEqual([]);
  });
});

describe('mergeAccessibleResources', () => {
  const jira = {
    id: 'c1',
    name: 'acme',
    url: 'https://acme.atlassian.net',
    scopes: ['read:jira-work'],
    avatarUrl: 'a.png',
  };
  const confluence = {
    id: 'c1',
    name: 'acme (wiki)',
    url: 'https://acme.atlassian.net/',
    scopes: ['read:confluence-user'],
  };
  const other = {
    id: 'c2',
    name: 'globex',
    url: 'https://globex.atlassian.net/',
    scopes: ['read:jira-work', 'read:servicedesk-request'],
  };

  it('keeps one entry per cloud id, merging scopes and products', () => {
    const merged = mergeAccessibleResources([jira, other, confluence]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toEqual({
      cloudId: 'c1',
      name: 'acme',
      url: 'https://acme.atlassian.net',
      avatarUrl: 'a.png',
      scopes: ['read:jira-work', 'read:confluence-user'],
      products: ['jira', 'confluence'],
    });
    expect(merged[1]).toMatchObject({
      cloudId: 'c2',
      url: 'https://globex.atlassian.net',
      products: ['jira', 'jsm'],
    });
  });

  it('does not repeat a scope listed by both entries', () => {
    const merged = mergeAccessibleResources([
      jira,
      { ...jira, scopes: ['read:jira-work', 'read:jira-user'] },
    ]);
    expect(merged[0]?.scopes).toEqual(['read:jira-work', 'read:jira-user']);
  });

  it('handles an empty grant', () => {
    expect(mergeAccessibleResources([])).toEqual([]);
  });
});

describe('site ids', () => {
  it('derives a Greenlight site id from the cloud id and back', () => {
    const id = siteIdForCloudId('0a1c3e00-0000-4000-8000-00000000ac01');
    expect(id).toBe('cloud-0a1c3e00-0000-4000-8000-00000000ac01');
    expect(cloudIdFromSiteId(id)).toBe('0a1c3e00-0000-4000-8000-00000000ac01');
  });

  it('does not read local ids as cloud ids', () => {
    expect(cloudIdFromSiteId('site-acme')).toBeUndefined();
    expect(cloudIdFromSiteId('cloud-')).toBeUndefined();
  });
});
