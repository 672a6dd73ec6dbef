import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { staticHeaderRules } from './lib/http/security-headers';
import {
  DEFAULT_LOCALE,
  DEFAULT_LOCALE_HEADER,
  LOCALES,
  PRERENDERED_HEADER,
  PRERENDERED_SEGMENT,
} from './lib/i18n/locales';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pino', 'pg-boss'],
  // A self-contained server (node .next/standalone/server.js) for the Docker image; see docs/operations.md.
  output: 'standalone',
  poweredByHeader: false,
  // No ETag: Next computes it by hashing the whole body in JavaScript on every answer of a
  // prerendered page, the largest single cost of serving an 82 KB article under load (bench:load
  // --cpu-prof). The price: a browser asking again gets the page in full rather than a 304.
  generateEtags: false,
  reactStrictMode: true,
  // Build tooling only: lets test runs build into their own folder next to a running dev server.
  distDir: process.env.GREENLIGHT_DIST_DIR || '.next',
  // Build tooling only: benchmark builds skip the type check that `npm run typecheck` does in CI.
  typescript: { ignoreBuildErrors: process.env.GREENLIGHT_SKIP_BUILD_TYPECHECK === '1' },
  // The fixed security headers, applied by the router itself: unlike the proxy (pages only), this
  // costs route handlers nearly nothing. `next build` and `next start` both run in production.
  // An unprefixed page is English: proxy.ts marks the request, and this maps it to app/[locale]
  // (see proxy.ts for why the proxy does not rewrite it itself).
  // Signed-out readers of a page the build prerendered are marked too, and get app/prerendered.
  async rewrites() {
    const english = { type: 'header' as const, key: DEFAULT_LOCALE_HEADER, value: DEFAULT_LOCALE };
    const prerendered = { type: 'header' as const, key: PRERENDERED_HEADER, value: '1' };
    const other = `:locale(${LOCALES.filter((locale) => locale !== DEFAULT_LOCALE).join('|')})`;
    const tree = `/${PRERENDERED_SEGMENT}`;
    return {
      // Rewrites here apply in turn, so each rule's result must match no later rule: `has` and
      // `missing` keep them apart, and `/` comes after `/:path+`.
      beforeFiles: [
        { source: '/:path+', destination: `${tree}/${DEFAULT_LOCALE}/:path+`, has: [english, prerendered] },
        { source: '/', destination: `${tree}/${DEFAULT_LOCALE}`, has: [english, prerendered] },
        { source: `/${other}`, destination: `${tree}/:locale`, has: [prerendered], missing: [english] },
        {
          source: `/${other}/:path+`,
          destination: `${tree}/:locale/:path+`,
          has: [prerendered],
          missing: [english],
        },
        {
          source: '/:path+',
          destination: `/${DEFAULT_LOCALE}/:path+`,
          has: [english],
          missing: [prerendered],
        },
        { source: '/', destination: `/${DEFAULT_LOCALE}`, has: [english], missing: [prerendered] },
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
