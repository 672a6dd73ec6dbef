// Runs the Atlassian contract server as its own process, for Playwright's webServer or a harness:
//   PORT=4010 tsx tests/support/start-atlassian-contract-server.ts
// Point ATLASSIAN_AUTH_URL and ATLASSIAN_API_URL at the printed URL and use the printed client.
// Configure it at runtime through /__control/* (see atlassian-contract-server.ts); GET
// /__control/health answers 200 once it listens (use it as Playwright's webServer.url).
import { DEFAULT_CONTRACT_CLIENT, startAtlassianContractServer } from './atlassian-contract-server';

const port = Number(process.env.PORT ?? 4010);
const host = process.env.HOST ?? '127.0.0.1';
const redirectUris = process.env.CONTRACT_REDIRECT_URIS?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);

const server = await startAtlassianContractServer({
  port,
  host,
  clients: [
    {
      clientId: process.env.CONTRACT_CLIENT_ID ?? DEFAULT_CONTRACT_CLIENT.clientId,
      clientSecret: process.env.CONTRACT_CLIENT_SECRET ?? DEFAULT_CONTRACT_CLIENT.clientSecret,
      redirectUris: redirectUris?.length ? redirectUris : DEFAULT_CONTRACT_CLIENT.redirectUris,
    },
  ],
});

console.log(`Atlassian contract server listening on ${server.url} (client_id ${server.client.clientId})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().finally(() => process.exit(0));
  });
}
