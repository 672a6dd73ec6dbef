// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Build tooling only: lets test runs build into their own folder next to a running dev server.
  distDir: process.env.GREENLIGHT_DIST_DIR || '.next',
};

export default nextConfig;
