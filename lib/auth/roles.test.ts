import { describe, expect, it } from 'vitest';
import { SITE_ROLES } from '@/lib/db/schema';
import { authorizeStanding, isSiteAdministrator } from './roles';

describe('authorizeStanding', () => {
  it('lets org and site admins authorize, asks app and product admins, and refuses the rest', () => {
    expect(authorizeStanding('org-admin')).toBe('can-authorize');
    expect(authorizeStanding('site-admin')).toBe('can-authorize');
    expect(authorizeStanding('app-admin')).toBe('must-confirm');
    expect(authorizeStanding('product-admin')).toBe('must-confirm');
    expect(authorizeStanding('user-access-admin')).toBe('cannot-authorize');
    expect(authorizeStanding('user')).toBe('cannot-authorize');
    expect(authorizeStanding('guest')).toBe('cannot-authorize');
  });

  it('never gives Greenlight admin rights to a role that must first confirm', () => {
    const administrators = SITE_ROLES.filter(isSiteAdministrator);
    expect(administrators).toEqual(['site-admin']);
  });
});
