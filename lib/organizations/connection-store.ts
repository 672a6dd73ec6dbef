import 'server-only';
import { eq } from 'drizzle-orm';
import { organizationConnections } from '@/lib/db/schema';
import type { Executor } from '@/lib/db/types';
import { AppError } from '@/lib/errors';
import { needsResealing, openSecret, sealSecret, SecretBoxError } from '@/lib/secret-box';
import type { OrganizationDeps } from './deps';

export type ConnectionRow = typeof organizationConnections.$inferSelect;

export async function loadConnection(
  db: Executor,
  organizationId: string,
): Promise<ConnectionRow | undefined> {
  const [row] = await db
    .select()
    .from(organizationConnections)
    .where(eq(organizationConnections.organizationId, organizationId));
  return row;
}

export async function listConnections(db: Executor): Promise<ConnectionRow[]> {
  return db.select().from(organizationConnections);
}

/** Seals an API key for one organization; 503 when no encryption key is configured (production). */
export function sealApiKey(
  apiKey: string,
  organizationId: string,
  deps: Pick<OrganizationDeps, 'encryptionKeys'>,
) {
  if (deps.encryptionKeys.length === 0) {
    throw new AppError(
      'encryption_key_missing',
      'Greenlight cannot store an organization API key: its operator has not set GREENLIGHT_ENCRYPTION_KEY.',
    );
  }
  return sealSecret(apiKey, organizationId, deps.encryptionKeys);
}

/**
 * The connection's API key in clear, for one call to Atlassian; re-encrypted with the current key
 * on the way when it was sealed with an older one (rotation). Never log or return the result.
 */
export async function openApiKey(
  db: Executor,
  row: ConnectionRow,
  deps: Pick<OrganizationDeps, 'encryptionKeys'>,
): Promise<string> {
  const sealed = { keyId: row.apiKeyKeyId, ciphertext: row.apiKeyCiphertext };
  let apiKey: string;
  try {
    apiKey = openSecret(sealed, row.organizationId, deps.encryptionKeys);
  } catch (error) {
    if (error instanceof SecretBoxError) {
      throw new AppError(
        'encryption_key_missing',
        `The organization's API key cannot be read: ${error.message} Add the key back to GREENLIGHT_ENCRYPTION_KEY, or connect the organization again.`,
      );
    }
    throw error;
  }
  if (needsResealing(sealed, deps.encryptionKeys)) {
    const resealed = sealSecret(apiKey, row.organizationId, deps.encryptionKeys);
    await db
      .update(organizationConnections)
      .set({ apiKeyCiphertext: resealed.ciphertext, apiKeyKeyId: resealed.keyId })
      .where(eq(organizationConnections.organizationId, row.organizationId));
  }
  return apiKey;
}
