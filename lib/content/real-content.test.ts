import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFlows, readFlowFiles } from '@/lib/flows/load';
import { startOf } from '@/lib/flows/stepper';
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
    readdirSync(real.articles).map((name) => [name, readFileSync(path.join(real.articles, name), 'utf8')]),
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
