import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { staticHeaderRules } from './lib/http/security-headers';
import { DEFAULT_LOCALE, DEFAULT_LOCALE_HEADER } from './lib/i18n/locales';

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
  // An unprefixed page is English: proxy.ts marks the request, and this maps it to app/[locale]
  // (see proxy.ts for why the proxy does not rewrite it itself).
  async rewrites() {
    const has = [{ type: 'header' as const, key: DEFAULT_LOCALE_HEADER, value: DEFAULT_LOCALE }];
    return {
      beforeFiles: [
        // Rewrites here apply in turn: `/` last, so its result (/en) is not rewritten again.
        { source: '/:path+', destination: `/${DEFAULT_LOCALE}/:path+`, has },
        { source: '/', destination: `/${DEFAULT_LOCALE}`, has },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return staticHeaderRules({ production: process.env.NODE_ENV === 'production' });
  },
};

// next-intl reads its per-request configuration (locale and catalog) from lib/i18n/request.ts.
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

export default withNextIntl(nextConfig);
