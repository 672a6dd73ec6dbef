// Import rules for Greenlight (docs/architecture.md, "Rules"). `npm run lint` runs them; a new
// cycle between lib/ folders or an import against the layers fails the lint, not a review.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-lib-folder-cycle',
      severity: 'error',
      comment:
        'lib/ folders depend on each other one way only: a cycle between folders means one of them ' +
        'holds something that belongs lower down (see docs/architecture.md, "Layers").',
      scope: 'folder',
      from: { path: '^lib/' },
      to: { path: '^lib/', circular: true },
    },
    {
      name: 'no-module-cycle',
      severity: 'error',
      comment: 'No file imports itself through others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'edges-on-top',
      severity: 'error',
      comment:
        'lib/http (route plumbing), lib/pages (page plumbing) and lib/demo (demo data, wired in by ' +
        'instrumentation.ts, scripts and the next-auth route) sit above the domain: no other lib ' +
        'folder imports them.',
      from: { path: '^lib/', pathNot: '^lib/(http|pages|demo)/' },
      to: { path: '^lib/(http|pages|demo)/' },
    },
    {
      name: 'lib-not-to-app-or-components',
      severity: 'error',
      comment: 'lib/ is the domain and its ports: it never knows about pages, routes or React components.',
      from: { path: '^lib/' },
      to: { path: '^(app|components)/' },
    },
    {
      name: 'components-not-to-adapters',
      severity: 'error',
      comment:
        'Components get data from pages (props) or from the API (components/api-client.ts); they never hold a ' +
        'database handle or call Atlassian.',
      from: { path: '^components/' },
      to: { path: '^lib/(db|atlassian)/' },
    },
    {
      name: 'adapters-not-to-domain',
      severity: 'error',
      comment:
        'lib/db and lib/atlassian are adapters under the domain: they import their own folder and ' +
        'the neutral modules in lib/ (config, errors, log), never a domain folder.',
      from: { path: '^lib/(db|atlassian)/' },
      to: { path: '^lib/[^/]+/', pathNot: '^lib/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.tsx?$', '^tests/', '^e2e/'] },
    // Type-only imports count: a cycle through types is still a cycle in the design.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
