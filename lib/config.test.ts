import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const viewers = (value: string | undefined) =>
  parseConfig({ GREENLIGHT_INSIGHTS_VIEWERS: value }).GREENLIGHT_INSIGHTS_VIEWERS;

describe('GREENLIGHT_INSIGHTS_VIEWERS', () => {
  it('is an empty list when unset or blank', () => {
    expect(viewers(undefined)).toEqual({ emails: [], accountIds: [] });
    expect(viewers('')).toEqual({ emails: [], accountIds: [] });
    expect(viewers(' , ,, ')).toEqual({ emails: [], accountIds: [] });
  });

  it('splits e-mail addresses (lower-cased) from account ids (kept as written), trimming and dropping blanks', () => {
    expect(
      viewers(
        ' Nora@Acme.test ,712020:6e0c1f2a-ada0-4c1e-9a11-000000000001,, 5b10ac8d82e05b22cc7d4ef5 , gus@globex.test',
      ),
    ).toEqual({
      emails: ['nora@acme.test', 'gus@globex.test'],
      accountIds: ['712020:6e0c1f2a-ada0-4c1e-9a11-000000000001', '5b10ac8d82e05b22cc7d4ef5'],
    });
  });

  it.each([
    ['an e-mail without a domain', 'ada@'],
    ['an e-mail without a local part', '@acme.test'],
    ['two @', 'ada@acme@test'],
    ['a display name', 'Ada Admin'],
    ['a name with an address', 'Ada <ada@acme.test>'],
    ['an account id with a slash', '712020/6e0c'],
  ])('rejects %s, naming the variable and the entry', (_case, entry) => {
    const parse = () => parseConfig({ GREENLIGHT_INSIGHTS_VIEWERS: `nora@acme.test, ${entry}` });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(
      `GREENLIGHT_INSIGHTS_VIEWERS: "${entry}" is neither an e-mail address nor an Atlassian account id`,
    );
  });
});

describe('GREENLIGHT_FALLBACK_ADMINS', () => {
  const routes = (value: string | undefined) =>
    parseConfig({ GREENLIGHT_FALLBACK_ADMINS: value, SMTP_URL: SMTP }).GREENLIGHT_FALLBACK_ADMINS;
  const SMTP = 'smtp://127.0.0.1:2525';

  it('is no route when unset or blank', () => {
    expect(routes(undefined)).toEqual([]);
    expect(routes(' ; ;')).toEqual([]);
  });

  it('reads pattern=addresses routes, lower-casing and de-duplicating the addresses', () => {
    expect(
      routes(
        ' Acme.atlassian.net = Ada@Acme.test, it@acme.test,ada@acme.test ; *.atlassian.net=helpdesk@example.com',
      ),
    ).toEqual([
      { pattern: 'acme.atlassian.net', addresses: ['ada@acme.test', 'it@acme.test'] },
      { pattern: '*.atlassian.net', addresses: ['helpdesk@example.com'] },
    ]);
  });

  it('refuses routes without SMTP_URL: they could reach nobody', () => {
    expect(() => parseConfig({ GREENLIGHT_FALLBACK_ADMINS: '*.atlassian.net=helpdesk@example.com' })).toThrow(
      /GREENLIGHT_FALLBACK_ADMINS e-mails requests, so SMTP_URL must be set too/,
    );
  });

  it.each([
    ['no "="', 'helpdesk@example.com', /must be pattern=address/],
    ['a bad pattern', 'atlassian=helpdesk@example.com', /not a site host pattern/],
    ['a pattern too broad', '*.net=helpdesk@example.com', /too broad/],
    [
      'a bad address',
      '*.atlassian.net=helpdesk',
      /"helpdesk" in the route for \*\.atlassian\.net is not an e-mail address/,
    ],
    ['an address with a line break', '*.atlassian.net=help\r\nBcc: x@evil.test', /not an e-mail address/],
    ['no address', '*.atlassian.net=', /names no e-mail address/],
    ['a pattern routed twice', 'a.example.com=x@example.com;A.example.com=y@example.com', /routed twice/],
  ])('refuses to start with %s, naming the variable', (_case, value, message) => {
    const parse = () => parseConfig({ GREENLIGHT_FALLBACK_ADMINS: value, SMTP_URL: SMTP });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/GREENLIGHT_FALLBACK_ADMINS/);
    expect(parse).toThrow(message);
  });
});
