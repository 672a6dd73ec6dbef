import type { NextConfig } from 'next';
import { staticHeaderRules } from './lib/http/security-headers';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'pg-boss'],
  // A self-contained server (node .next/standalone/server.js) for the Docker image; see docs/operations.md.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // Build tooling only: lets test runs build into their own folder next to a running dev server.
  distDir: process.env.GREENLIGHT_DIST_DIR || '.next',
  // Build tooling only: benchmark builds skip the type check that `npm run typecheck` does in CI.
  typescript: { ignoreBuildErrors: process.env.GREENLIGHT_SKIP_BUILD_TYPECHECK === '1' },
  // The fixed security headers, applied by the router itself: unlike the proxy (pages only), this
  // costs route handlers nearly nothing. `next build` and `next start` both run in production.
  async headers() {
    return staticHeaderRules({ production: process.env.NODE_ENV === 'production' });
  },
};

export default nextConfig;
