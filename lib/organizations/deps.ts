import 'server-only';
import { createAtlassianAdminApi, type AtlassianAdminApi } from '@/lib/atlassian/admin-api';
import type { AtlassianHttpOptions } from '@/lib/atlassian/http';
import { getConfig, type EncryptionKey } from '@/lib/config';

/** What organization work needs from outside: the admin API for a key, the encryption keys, the time. */
export interface OrganizationDeps {
  adminApi(apiKey: string): AtlassianAdminApi;
  encryptionKeys: readonly EncryptionKey[];
  now(): Date;
  /** Identifies this replica in job leases. */
  holder: string;
}

const holder = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;

/** The deployment's dependencies, from lib/config.ts; tests pass their own http options. */
export function organizationDeps(http: Omit<AtlassianHttpOptions, 'fetch'> = {}): OrganizationDeps {
  const config = getConfig();
  return {
    adminApi: (apiKey) =>
      createAtlassianAdminApi({ ...http, adminApiUrl: config.ATLASSIAN_ADMIN_API_URL, apiKey }),
    encryptionKeys: config.encryptionKeys,
    now: () => new Date(),
    holder,
  };
}
