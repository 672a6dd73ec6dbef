import { afterAll, beforeAll, vi } from 'vitest';
import { resetConfigForTests } from '@/lib/config';
import { openPglite, setDatabaseForTests, type DatabaseHandle } from '@/lib/db/client';
import { seedDemo } from '@/lib/db/seed-demo';
import { startAtlassianContractServer, type AtlassianContractServer } from './atlassian-contract-server';

export interface AtlassianModeSuite {
  readonly server: AtlassianContractServer;
  readonly handle: DatabaseHandle;
}

/**
 * For one describe block: Greenlight configured for Atlassian sign-in against a local contract
 * server, on a seeded in-memory database installed as the app's database. Undone after the block.
 */
export function openAtlassianModeSuite(): AtlassianModeSuite {
  let server: AtlassianContractServer | undefined;
  let handle: DatabaseHandle | undefined;
  beforeAll(async () => {
    server = await startAtlassianContractServer();
    vi.stubEnv('ATLASSIAN_CLIENT_ID', server.client.clientId);
    vi.stubEnv('ATLASSIAN_CLIENT_SECRET', server.client.clientSecret);
    vi.stubEnv('ATLASSIAN_AUTH_URL', server.url);
    vi.stubEnv('ATLASSIAN_API_URL', server.url);
    resetConfigForTests();
    handle = await openPglite(undefined);
    await seedDemo(handle.db);
    setDatabaseForTests(handle);
  });
  afterAll(async () => {
    setDatabaseForTests(undefined);
    await handle?.close();
    await server?.close();
    vi.unstubAllEnvs();
    resetConfigForTests();
  });
  const opened = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the Atlassian-mode suite is open only inside tests');
    return value;
  };
  return {
    get server() {
      return opened(server);
    },
    get handle() {
      return opened(handle);
    },
  };
}
