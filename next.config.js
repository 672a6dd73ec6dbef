// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  // A self-contained server (node .next/standalone/server.js) for the Docker image; see docs/operations.md.
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  // Build tooling only: lets test runs build into their own folder next to a running dev server.
  distDir: process.env.GREENLIGHT_DIST_DIR || '.next',
  // Build tooling only: benchmark builds skip the type check that `npm run typecheck` does in CI.
  typescript: { ignoreBuildErrors: process.env.GREENLIGHT_SKIP_BUILD_TYPECHECK === '1' },
};

export default nextConfig;
