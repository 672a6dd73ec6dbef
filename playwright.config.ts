import { defineConfig, devices } from '@playwright/test';
import {
  atlassianDataDir,
  atlassianPort,
  atlassianURL,
  contractPort,
  contractURL,
  demoDataDir,
  demoPort,
  demoURL,
  e2eContentDir,
  readerDataDir,
  readerPort,
  readerURL,
} from './e2e/support/servers';

// Browser tests run against a production build (`next start`) on the embedded database, with the
// machine's Chromium: this machine cannot download Playwright's own browsers.
const distDir = process.env.GREENLIGHT_DIST_DIR ?? '.next';
const baseURL = demoURL;
// The Atlassian sign-in journeys (e2e/atlassian-signin.spec.ts) use a second `next start` of the
// same build, configured for Atlassian and pointed at the local contract server.
const secret = 'e2e-secret-not-for-production-0123456789';
// Specs with their own servers and databases (or the Atlassian server's): nothing they do changes
// the demo database the other journeys share.
const ISOLATED_SPECS = [
  '**/atlassian-signin.spec.ts',
  '**/organization-connection.spec.ts',
  '**/faults.spec.ts',
  '**/replicas.spec.ts',
  '**/standalone.spec.ts',
];

// Journeys that depend on nothing the stateful journeys leave behind (and leave nothing they read):
// they run on their own demo server, after the isolated specs, beside the stateful lane.
const READER_SPECS = [
  '**/help-center.spec.ts',
  '**/search.spec.ts',
  '**/security.spec.ts',
  '**/prerendered.spec.ts',
  '**/i18n-locales.spec.ts',
  '**/i18n-requests.spec.ts',
  '**/situations.spec.ts',
];

const demoServerEnv = {
  GREENLIGHT_DIST_DIR: distDir,
  GREENLIGHT_DEMO: '1',
  GREENLIGHT_CONTENT_DIR: e2eContentDir,
  NEXTAUTH_SECRET: secret,
  NEXT_TELEMETRY_DISABLED: '1',
  LOG_LEVEL: 'warn',
};

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Two workers on a 2-core machine (a third made every journey slower, not the run shorter): one
  // runs the stateful journeys on the shared demo database one at a time; the other the specs that
  // start their own servers and databases, then the reading journeys on a second demo server.
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-gpu',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'demo',
      testIgnore: [...ISOLATED_SPECS, ...READER_SPECS],
      workers: 1,
      use: { ...devices['Desktop Chrome'] },
    },
    {
      name: 'reader',
      testMatch: READER_SPECS,
      workers: 1,
      use: { ...devices['Desktop Chrome'], baseURL: readerURL },
    },
    {
      name: 'isolated',
      testMatch: ISOLATED_SPECS,
      workers: 1,
      use: { ...devices['Desktop Chrome'] },
    },
  ],
  webServer: [
    {
      command: `npx next start -p ${demoPort} -H 127.0.0.1`,
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...demoServerEnv, GREENLIGHT_DATA_DIR: demoDataDir, NEXTAUTH_URL: baseURL },
    },
    {
      command: `npx next start -p ${readerPort} -H 127.0.0.1`,
      url: `${readerURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...demoServerEnv, GREENLIGHT_DATA_DIR: readerDataDir, NEXTAUTH_URL: readerURL },
    },
    {
      command: 'npx tsx tests/support/start-atlassian-contract-server.ts',
      url: `${contractURL}/__control/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        PORT: String(contractPort),
        CONTRACT_REDIRECT_URIS: `${atlassianURL}/api/auth/callback/atlassian`,
      },
    },
    {
      command: `npx next start -p ${atlassianPort} -H 127.0.0.1`,
      url: `${atlassianURL}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        GREENLIGHT_DIST_DIR: distDir,
        GREENLIGHT_DATA_DIR: atlassianDataDir,
        GREENLIGHT_CONTENT_DIR: e2eContentDir,
        NEXTAUTH_URL: atlassianURL,
        NEXTAUTH_SECRET: secret,
        ATLASSIAN_CLIENT_ID: 'greenlight-test-client',
        ATLASSIAN_CLIENT_SECRET: 'greenlight-test-secret',
        ATLASSIAN_AUTH_URL: contractURL,
        ATLASSIAN_API_URL: contractURL,
        ATLASSIAN_ADMIN_API_URL: `${contractURL}/admin`,
        // Production builds refuse to store an organization API key without one (a test key).
        GREENLIGHT_ENCRYPTION_KEY: 'e2e:ZTJlLW9ubHktZW5jcnlwdGlvbi1rZXktMzItYnl0ZXM=',
        NEXT_TELEMETRY_DISABLED: '1',
        LOG_LEVEL: 'warn',
      },
    },
  ],
});
