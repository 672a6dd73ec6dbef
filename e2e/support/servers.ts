// Where the e2e servers listen, shared by playwright.config.ts and the specs. Everything derives
// from E2E_PORT / E2E_DATA_DIR (or is set directly) so parallel runs in one checkout do not collide.
const env = (name: string) => (typeof process !== 'undefined' ? process.env[name] : undefined);

export const demoPort = Number(env('E2E_PORT') ?? 3100);
export const demoDataDir = env('E2E_DATA_DIR') ?? '.data-e2e';

/**
 * A second demo server with its own database, for the journeys that only read and search
 * (playwright.config.ts's `reader` lane): they run beside the stateful journeys instead of after them.
 */
export const readerPort = Number(env('E2E_READER_PORT') ?? demoPort + 4);
export const readerDataDir = env('E2E_READER_DATA_DIR') ?? `${demoDataDir}-reader`;

/** A second `next start` of the same build, configured for Atlassian against the contract server. */
export const atlassianPort = Number(env('E2E_ATLASSIAN_PORT') ?? demoPort + 2);
export const atlassianDataDir = env('E2E_ATLASSIAN_DATA_DIR') ?? `${demoDataDir}-atlassian`;
/** The local Atlassian (tests/support/atlassian-contract-server.ts). */
export const contractPort = Number(env('E2E_CONTRACT_PORT') ?? demoPort + 910);
/** Servers the isolated specs start themselves (faults, replicas, standalone). */
export const faultsPort = Number(env('E2E_FAULTS_PORT') ?? demoPort + 530);
export const replicaPorts = [demoPort + 610, demoPort + 611] as const;
export const standalonePort = demoPort + 612;

/**
 * The content every e2e server reads (GREENLIGHT_CONTENT_DIR): the fixture articles and flow, so
 * rewriting the real content never breaks a journey. Absolute, so a server's own working
 * directory does not matter.
 */
export const e2eContentDir = `${typeof process !== 'undefined' ? process.cwd() : '.'}/tests/fixtures/content`;

export const demoURL = `http://127.0.0.1:${demoPort}`;
export const readerURL = `http://127.0.0.1:${readerPort}`;
export const atlassianURL = `http://127.0.0.1:${atlassianPort}`;
export const contractURL = `http://127.0.0.1:${contractPort}`;
