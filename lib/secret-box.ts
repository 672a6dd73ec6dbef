import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from '@/lib/config';

// Secrets Greenlight must keep and use again (an organization's API key) are stored encrypted with
// AES-256-GCM from Node's crypto module: the cipher is the maintained primitive; only the framing
// (key id, IV, tag) is Greenlight's own. The key id travels beside the ciphertext so that old keys
// can stay listed in GREENLIGHT_ENCRYPTION_KEY while rows are re-encrypted with the first one.

export interface SealedSecret {
  /** Which GREENLIGHT_ENCRYPTION_KEY entry sealed it. */
  keyId: string;
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  ciphertext: string;
}

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const IV_BYTES = 12;

/**
 * Encrypts with the first key. `context` (e.g. the organization id) is bound as additional
 * authenticated data, so a ciphertext copied to another row does not decrypt there.
 */
export function sealSecret(plaintext: string, context: string, keys: readonly EncryptionKey[]): SealedSecret {
  const current = keys[0];
  if (!current) throw new SecretBoxError('No encryption key is configured (GREENLIGHT_ENCRYPTION_KEY).');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return {
    keyId: current.id,
    ciphertext: ['v1', iv, tag, body]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.'),
  };
}

export function openSecret(sealed: SealedSecret, context: string, keys: readonly EncryptionKey[]): string {
  const key = keys.find((candidate) => candidate.id === sealed.keyId);
  if (!key) throw new SecretBoxError(`Encryption key "${sealed.keyId}" is no longer configured.`);
  const [version, iv, tag, body] = sealed.ciphertext.split('.');
  if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined)
    throw new SecretBoxError('Not a sealed secret.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    // Never the cause: it says nothing useful and must not carry key material.
    throw new SecretBoxError('The sealed secret does not open with its key (tampered, or another row).');
  }
}

/** Whether the secret was sealed with a key other than the current one (re-encrypt it). */
export function needsResealing(sealed: Pick<SealedSecret, 'keyId'>, keys: readonly EncryptionKey[]): boolean {
  return keys[0] !== undefined && sealed.keyId !== keys[0].id;
}
