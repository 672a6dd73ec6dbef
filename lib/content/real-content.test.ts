import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows, readFlowFiles } from '@/lib/flows/load';
import { checkResultsFrom } from '@/lib/flows/facts';
import { readWizardInputs } from '@/lib/flows/inputs';
import { choicesOf, nextNode, startOf } from '@/lib/flows/stepper';
import { createArticleSearchIndex } from '@/lib/search/article-index';
import { toSearchAnswer } from '@/lib/search/search-answer';
import { TROUBLESHOOTERS_BY_ARTICLE } from '@/lib/search/troubleshooter-links';
import { loadArticles, loadPartials } from './articles';
import { loadFeaturedSlugs } from './featured';
import { articlesWithoutSources } from './freshness';
import { contentPaths, REAL_CONTENT_DIR } from './paths';

// About the real content in content/ (every other suite reads tests/fixtures/content): it must be
// valid, and everything the code links to must exist in it. Whoever edits the real articles or
// flows keeps these green; nothing else depends on their slugs, node ids or wording.

const real = contentPaths(REAL_CONTENT_DIR);
const root = path.resolve(import.meta.dirname, '../..');

/** Every "/articles/<slug>" and "/troubleshoot/<flow>" written in the app's own code (tests aside). */
function linksInCode(): { articles: Set<string>; flows: Set<string> } {
  const articles = new Set<string>();
  const flows = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const relative = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        // Comments may name examples; only code counts.
        const source = readFileSync(path.join(root, relative), 'utf8')
          .split('\n')
          .filter((line) => !/^\s*(\/\/|\*|\/\*)/.test(line))
          .join('\n');
        for (const match of source.matchAll(/['"`(]\/articles\/([a-z0-9-]+)/g)) articles.add(match[1]!);
        for (const match of source.matchAll(/['"`(]\/troubleshoot\/([a-z0-9-]+)/g)) flows.add(match[1]!);
      }
    }
  };
  for (const dir of ['app', 'components', 'lib']) walk(dir);
  flows.delete('authorize-url'); // a page of its own, not a flow
  return { articles, flows };
}

describe('real content: content/flows', () => {
  it('has at least the authorize-app flow', () => {
    expect(readFlowFiles(real.flows).map((file) => file.path)).toContain('content/flows/authorize-app.yaml');
  });

  it('validates every flow', () => {
    const flows = loadFlows(real.flows, real.articles);
    expect(flows.length).toBe(readFlowFiles(real.flows).length);
  });

  it('asks an anonymous visitor whether they are a site admin, with a choice to reach the contact-your-admin outcome', () => {
    const flow = loadFlows(real.flows, real.articles).find((f) => f.id === 'authorize-app')!;
    const first = startOf(flow, { 'signed-in': { answer: 'no' } });
    expect(first.node.id).toBe('ask-role');
  });
});

describe('real content: what the code links to exists', () => {
  const slugs = new Set(loadArticles(real.articles).map((article) => article.slug));
  const flowIds = new Set(loadFlows(real.flows, real.articles).map((flow) => flow.id));
  const links = linksInCode();

  it('finds the links (the scan itself works)', () => {
    expect(links.articles).toContain('find-your-site-admins');
    expect(links.flows).toContain('authorize-app');
  });

  it('every article the code links to', () => {
    expect([...links.articles].filter((slug) => !slugs.has(slug))).toEqual([]);
  });

  it('every troubleshooter the code links to, and the articles that lead to one from search', () => {
    expect([...links.flows].filter((id) => !flowIds.has(id))).toEqual([]);
    for (const [slug, { flow }] of Object.entries(TROUBLESHOOTERS_BY_ARTICLE)) {
      expect(slugs, slug).toContain(slug);
      expect(flowIds, flow).toContain(flow);
    }
  });

  it('every "popular" article in featured.json', () => {
    expect(loadFeaturedSlugs(real.featured).filter((slug) => !slugs.has(slug))).toEqual([]);
  });
});

describe('real content: sources and shared passages', () => {
  const articles = loadArticles(real.articles);
  const partials = loadPartials(real.partials);
  const sources = new Map(
    // Only the English articles: translations live in per-locale folders beside them.
    readdirSync(real.articles)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => [name, readFileSync(path.join(real.articles, name), 'utf8')]),
  );

  it('every article names its sources, each an Atlassian address', () => {
    expect(articlesWithoutSources(articles)).toEqual([]);
    for (const article of articles) {
      for (const source of article.frontmatter.sources) {
        expect(new URL(source.url).hostname, `${article.slug}: ${source.url}`).toMatch(/(^|\.)atlassian\.(com|net)$/);
      }
    }
  });

  it('every partial is shared by at least two articles (a passage used once belongs in its article)', () => {
    for (const name of partials.keys()) {
      const users = [...sources.values()].filter((source) => source.includes(`<Partial name="${name}" />`));
      expect(users.length, name).toBeGreaterThanOrEqual(2);
    }
  });

  it('the caveats are written once: their wording appears in no article source, only in the partial', () => {
    const caveats = ['manage-profile/apps', "won't tell you anything about the user's permissions", 'Menu names may differ'];
    for (const caveat of caveats) {
      expect([...partials.values()].some((text) => text.includes(caveat)), caveat).toBe(true);
      expect([...sources].filter(([, source]) => source.includes(caveat)).map(([name]) => name), caveat).toEqual([]);
    }
  });
});

describe('real content: the admin branch and the articles agree', () => {
  const flow = loadFlows(real.flows, real.articles).find((f) => f.id === 'authorize-app')!;
  const node = (id: string) => flow.nodes.find((n) => n.id === id)!;
  const textOf = (id: string) => JSON.stringify(node(id));
  const hub = loadArticles(real.articles).find((a) => a.slug === 'site-admin-must-authorize-app')!;

  it('tells an admin the action that authorizes: connect the app with the admin account and accept the consent screen', () => {
    for (const id of ['admin-steps', 'admin-steps-manual']) {
      expect(textOf(id), id).toMatch(/Connect to Atlassian/);
      expect(textOf(id), id).toMatch(/Accept/);
      expect(textOf(id), id).toMatch(/Select your organization if you have more than one/);
      expect(textOf(id), id).toMatch(/not confirmed/i);
    }
    expect(hub.body).toMatch(/connecting it themselves/);
    expect(hub.body).toMatch(/Select your organization if you have more than one/);
  });

  it('never says a blocked attempt makes the app appear in Connected apps', () => {
    expect(textOf('never-installed')).not.toMatch(/after a user has tried/);
    expect(textOf('never-installed')).toMatch(/blocked attempt installs nothing/);
    const notListed = loadArticles(real.articles).find((a) => a.slug === 'app-does-not-appear-in-connected-apps')!;
    expect(notListed.body).toMatch(/not listed until someone authorizes it/);
  });
});

describe('real content: situations beyond the site-admin error', () => {
  const articles = loadArticles(real.articles);
  const index = createArticleSearchIndex(articles);
  const flow = loadFlows(real.flows, real.articles).find((f) => f.id === 'authorize-app')!;
  const top = (query: string) => index.search(query).results.slice(0, 3).map((r) => r.id);

  it.each([
    ['claude can’t connect to jira', 'connect-ai-assistants-rovo-mcp-server'],
    ['cursor mcp confluence not authorized', 'connect-ai-assistants-rovo-mcp-server'],
    ['chatgpt connector jira blocked by admin', 'connect-ai-assistants-rovo-mcp-server'],
    ['forge app allow access', 'forge-and-marketplace-apps'],
    ['who can install a marketplace app', 'forge-and-marketplace-apps'],
    ['my oauth app only works for me', 'developer-app-only-works-for-you'],
    ['share 3lo app with other users distribution', 'developer-app-only-works-for-you'],
    ['ip address rejected allowed list', 'ip-address-rejected-not-on-allowed-list'],
    ['guest can’t connect app', 'guests-and-external-accounts'],
    ['external user personal account app connect', 'guests-and-external-accounts'],
    ['app stopped working in some spaces data security policy', 'app-blocked-by-data-security-policy'],
    ['app requires access to a jira site which i don’t have', 'app-has-no-access-to-the-product'],
    ['government cloud app install', 'government-cloud-and-bitbucket'],
    ['bitbucket oauth consumer', 'government-cloud-and-bitbucket'],
  ])('"%s" finds %s in the top three', (query, slug) => {
    expect(top(query)).toContain(slug);
  });

  it('recognises a pasted IP refusal, puts its article first and sends the wizard the error', () => {
    const pasted =
      'HTTP 403 {"errorMessages":["The IP address has been rejected because it is not on the allowed list. See your admin for more information."],"errors":{}}';
    const answer = toSearchAnswer(pasted, index.search(pasted));
    expect(answer.results[0]?.slug).toBe('ip-address-rejected-not-on-allowed-list');
    // The wizard reads the error from the link it is given and opens the IP branch without asking.
    const link = new URL(answer.signature?.troubleshooterUrl ?? '/', 'https://greenlight.test');
    const inputs = readWizardInputs({ error: link.searchParams.get('error') ?? undefined });
    expect(startOf(flow, checkResultsFrom(inputs, { viewer: null })).node.id).toBe('ip-rejected-steps');
  });

  it('recognises the missing-product message and reads the products out of it', () => {
    const pasted =
      'Access denied. This app requires access to a Jira & Jira Service Management site which you don’t have or don’t have the permission to access.';
    const response = index.search(pasted);
    expect(response.results[0]?.id).toBe('app-has-no-access-to-the-product');
    expect(response.signature?.captures.product).toBe('Jira & Jira Service Management');
  });

  const anonymous = (error?: string) => checkResultsFrom(readWizardInputs({ error }), { viewer: null });

  it('opens the IP and missing-product branches on its own when the pasted error says so', () => {
    expect(
      startOf(flow, anonymous('The IP address has been rejected because it is not on the allowed list.')).node
        .id,
    ).toBe('ip-rejected-steps');
    expect(
      startOf(flow, anonymous("This app requires access to a Confluence site which you don't have")).node.id,
    ).toBe('no-product-steps');
    expect(startOf(flow, anonymous()).node.id).toBe('ask-role');
  });

  it('lets an anonymous visitor reach every situation from the first question', () => {
    const checks = anonymous();
    const next = nextNode(flow, 'ask-role', 'something-else', checks)!;
    expect(next.node.id).toBe('ask-what-connecting');
    const reached = choicesOf(next.node).map((choice) => nextNode(flow, next.node.id, choice, checks)!.node.id);
    expect(reached).toEqual([
      'ai-assistant-steps',
      'marketplace-steps',
      'own-app-steps',
      'no-product-steps',
      'ip-rejected-steps',
      'guest-steps',
      'policy-blocked-steps',
      'not-this-outcome',
    ]);
  });
});
