import { describe, expect, it } from 'vitest';
import { redactQuery } from './redact-query';

describe('redactQuery', () => {
  it('keeps the words of a pasted error, lower-cased, and drops the e-mail address', () => {
    expect(redactQuery('  Your site admin must   authorize this app — ada@acme.test ')).toBe(
      'your site admin must authorize this app — [email]',
    );
  });

  it('removes bearer tokens, API tokens, uuids and long numeric ids', () => {
    const redacted = redactQuery(
      'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def cloud 8594f221-9797-5f78-1fa4-485e198d7cd0 request 123456789 ATATT3xFfGF0abcdefghij',
    );
    expect(redacted).not.toMatch(/eyJ|8594f221|123456789|ATATT/);
    expect(redacted).toContain('[token]');
    expect(redacted).toContain('[id]');
  });

  it('keeps URL parameter names but not their values', () => {
    expect(redactQuery('https://x.test/cb?error=redirect_uri_mismatch&state=8f2c1a9d')).toBe(
      'https://x.test/cb?error=…&state=…',
    );
  });

  it('leaves ordinary words and short numbers alone', () => {
    expect(redactQuery('429 Retry-After rate limit')).toBe('429 retry-after rate limit');
  });
});
