import { describe, expect, it } from 'vitest';
import { isExpiring } from '@/lib/atlassian/tokens';

describe('isExpiring', () => {
  const expiresAt = 1_000_000;

  it('is false well before expiry', () => {
    expect(isExpiring(expiresAt, expiresAt - 3600)).toBe(false);
  });

  it('is true within the skew and after expiry', () => {
    expect(isExpiring(expiresAt, expiresAt - 60)).toBe(true);
    expect(isExpiring(expiresAt, expiresAt - 59)).toBe(true);
    expect(isExpiring(expiresAt, expiresAt + 1)).toBe(true);
    expect(isExpiring(expiresAt, expiresAt - 61)).toBe(false);
  });

  it('takes a custom skew', () => {
    expect(isExpiring(expiresAt, expiresAt - 200, 300)).toBe(true);
    expect(isExpiring(expiresAt, expiresAt - 200, 0)).toBe(false);
  });
});
