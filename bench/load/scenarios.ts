// What the load benchmark sends: one scenario per route, each a list of requests that every
// connection cycles through.

export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
}

export interface LoadScenario {
  route: string;
  requests: LoadRequest[];
  /** Issue 15's targets: requests/s as a share of the constant route's, in the same run. */
  minThroughputRatio?: number;
  /** p99 as a multiple of the constant route's. */
  maxP99Ratio?: number;
}

/** The constant route every other is compared with. */
export const BASELINE_ROUTE = 'ping (constant JSON)';

/** A realistic mix: short as-you-type queries, product-filtered ones and a whole pasted error. */
export const SEARCH_QUERIES = [
  'authorize app',
  'site admin',
  'connected apps',
  'oauth 3lo consent',
  'who is my site admin',
  'jira app access',
  'confluence',
  'pre-approve apps',
  'Your site admin must authorize this app for the site acme.atlassian.net before the app can access your account.',
];

export function loadScenarios(sessionCookie: string): LoadScenario[] {
  const search = SEARCH_QUERIES.map((q, i) => {
    const params = new URLSearchParams({ q });
    if (i % 3 === 1) params.set('product', 'jira');
    return { path: `/api/search?${params}` };
  });
  return [
    { route: BASELINE_ROUTE, requests: [{ path: '/api/ping' }] },
    { route: 'GET /api/search', requests: search, minThroughputRatio: 0.6 },
    {
      route: 'GET /api/me (signed in)',
      requests: [{ path: '/api/me', headers: { cookie: sessionCookie } }],
      minThroughputRatio: 0.8,
    },
    {
      route: 'article page',
      requests: [{ path: '/articles/site-admin-must-authorize-app' }],
      minThroughputRatio: 0.5,
      maxP99Ratio: 3,
    },
    {
      route: 'troubleshooter first step',
      requests: [{ path: '/troubleshoot/authorize-app' }],
      minThroughputRatio: 0.3,
    },
    { route: 'home page', requests: [{ path: '/' }], minThroughputRatio: 0.3 },
    // A signed-in reader gets the article rendered for them (their name in the header): no target,
    // shown so the cost of that path stays visible beside the prerendered one. Last: on a busy
    // machine its backlog of renders outlasts its 20 s and would slow the route measured after it.
    {
      route: 'article page (signed in)',
      requests: [{ path: '/articles/site-admin-must-authorize-app', headers: { cookie: sessionCookie } }],
    },
  ];
}
