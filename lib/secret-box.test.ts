import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { needsResealing, openSecret, sealSecret, SecretBoxError } from './secret-box';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('secret box', () => {
  const k1 = key('k1');
  const k2 = key('k2');

  it('opens what it sealed, and the ciphertext does not contain the secret', () => {
    const sealed = sealSecret('ATATT-secret-value', 'org-acme', [k1]);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).not.toContain('secret');
    expect(openSecret(sealed, 'org-acme', [k1])).toBe('ATATT-secret-value');
  });

  it('seals the same secret differently each time (fresh IV)', () => {
    expect(sealSecret('x', 'c', [k1]).ciphertext).not.toBe(sealSecret('x', 'c', [k1]).ciphertext);
  });

  it('refuses a ciphertext moved to another organization, or altered', () => {
    const sealed = sealSecret('secret', 'org-acme', [k1]);
    expect(() => openSecret(sealed, 'org-globex', [k1])).toThrow(SecretBoxError);
    const parts = sealed.ciphertext.split('.');
    parts[3] = Buffer.from('other').toString('base64url');
    expect(() => openSecret({ ...sealed, ciphertext: parts.join('.') }, 'org-acme', [k1])).toThrow(
      SecretBoxError,
    );
  });

  it('rotates: a new first key encrypts, the old one still decrypts until removed', () => {
    const old = sealSecret('secret', 'org', [k1]);
    const ring = [k2, k1];
    expect(needsResealing(old, ring)).toBe(true);
    expect(openSecret(old, 'org', ring)).toBe('secret');
    const resealed = sealSecret(openSecret(old, 'org', ring), 'org', ring);
    expect(resealed.keyId).toBe('k2');
    expect(needsResealing(resealed, ring)).toBe(false);
    expect(() => openSecret(old, 'org', [k2])).toThrow(/no longer configured/);
  });

  it('refuses to seal without a key', () => {
    expect(() => sealSecret('secret', 'org', [])).toThrow(SecretBoxError);
  });
});
