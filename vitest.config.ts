import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^server-only$/,
        replacement: path.resolve(import.meta.dirname, 'tests/support/empty-module.ts'),
      },
      // Pages rendered outside Next.js keep their locale here (see the module's comment).
      {
        find: /^next-intl\/server$/,
        replacement: path.resolve(import.meta.dirname, 'tests/support/next-intl-server.ts'),
      },
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
    ],
  },
  test: {
    environment: 'node',
    // Mechanism tests read the fixture content, so editing a real article or flow never breaks
    // them; the tests about the real content (lib/content/real-content.test.ts) name content/.
    env: {
      LOG_LEVEL: 'silent',
      NEXT_TELEMETRY_DISABLED: '1',
      GREENLIGHT_CONTENT_DIR: 'tests/fixtures/content',
    },
    include: [
      'lib/**/*.test.ts',
      'tests/**/*.test.ts',
      'bench/**/*.test.ts',
      'scripts/**/*.test.ts',
      'app/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
    ],
    // next-intl imports 'next/server' without an extension, which Node's ESM loader refuses; Vite resolves it.
    server: { deps: { inline: ['next-intl'] } },
    // One migrated PGlite cluster that every test database is loaded from.
    globalSetup: ['tests/support/pglite-template.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Integration tests each open their own database; two workers suit this 2-core machine.
    maxWorkers: 2,
  },
});
