import { describe, expect, it } from 'vitest';
import { cleanQuery } from './query-noise';

describe('cleanQuery', () => {
  it('keeps meaningful words from a callback URL and drops the rest', () => {
    const { text, pasted } = cleanQuery(
      'https://staging.example.io/auth/callback?error=redirect_uri_mismatch&state=8f2c1a',
    );
    expect(text).toContain('redirect_uri_mismatch');
    expect(text).not.toMatch(/staging|example|8f2c1a/);
    expect(pasted).toBe(true);
  });

  it('tells machine output from a long question typed by a person', () => {
    expect(
      cleanQuery(
        'git@github.com: Permission denied (publickey). fatal: Could not read from remote repository.',
      ).machineText,
    ).toBe(true);
    const long = cleanQuery(
      'see every app connected to my account and remove the ones I do not trust any more',
    );
    expect(long).toMatchObject({ pasted: true, machineText: false });
  });

  it('drops e-mails, uuids, tokens, paths and long numbers', () => {
    const { text } = cleanQuery(
      'jane@example.com 4f9c2a1e-77b0-4c1d-9a3e-2b9d0f6c1a55 ghp_abc123 datasets/raw/dump.csv 212.47 1234567 error 403',
    );
    expect(text).toBe('error 403');
  });

  it('leaves a typed question alone', () => {
    expect(cleanQuery('how do I revoke an app')).toEqual({
      text: 'how do I revoke an app',
      pasted: false,
      machineText: false,
    });
  });
});
