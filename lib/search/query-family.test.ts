import { describe, expect, it } from 'vitest';
import { queryFamily } from './query-family';

describe('queryFamily', () => {
  it('puts the same question asked in other words order, forms and phrasing in one family', () => {
    const family = queryFamily('revoke app');
    expect(family).toBeDefined();
    expect(queryFamily('App revoke')).toBe(family);
    expect(queryFamily('apps revoked')).toBe(family);
    expect(queryFamily('How do I revoke an app?')).toBe(family);
    expect(queryFamily('  REVOKE   the app, please  ')).toBe(family);
  });

  it('keeps different questions apart, negation included', () => {
    expect(queryFamily('revoke app')).not.toBe(queryFamily('authorize app'));
    expect(queryFamily('app is not showing')).not.toBe(queryFamily('app is showing'));
  });

  it('has no family for a query of nothing but stop words, machine output or a long story', () => {
    expect(queryFamily('how do I')).toBeUndefined();
    expect(queryFamily('')).toBeUndefined();
    expect(
      queryFamily('error at https://acme.atlassian.net/jira/a1b2c3d4e5f6a7b8c9d0 for ada@acme.test'),
    ).toBeUndefined();
    expect(
      queryFamily(
        'we installed the reporting app for finance yesterday and today the dashboard gadget asks every user to authorize',
      ),
    ).toBeUndefined();
  });
});
