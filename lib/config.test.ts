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
