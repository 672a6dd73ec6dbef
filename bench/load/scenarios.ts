// What the load benchmark sends: one scenario per route, each a list of requests that every
// connection cycles through.

export interface LoadRequest {
  path: string;
  headers?: Record<string, string>;
}

export interface LoadScenario {
  route: string;
  requests: LoadRequest[];
  /** p99 target in milliseconds (issue 7: search and /api/me). */
  maxP99Ms?: number;
}

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
    { route: 'ping (constant JSON)', requests: [{ path: '/api/ping' }] },
    { route: 'GET /api/search', requests: search, maxP99Ms: 50 },
    {
      route: 'GET /api/me (signed in)',
      requests: [{ path: '/api/me', headers: { cookie: sessionCookie } }],
      maxP99Ms: 50,
    },
    { route: 'article page', requests: [{ path: '/articles/site-admin-must-authorize-app' }] },
    { route: 'troubleshooter page', requests: [{ path: '/troubleshoot/authorize-app' }] },
  ];
}
