import { describe, expect, it } from 'vitest';
import { createSearchIndex } from './index';
import { queryFamily } from './query-family';
import type { SearchDocument } from './types';
import {
  aggregateEvidence,
  buildUsageBoosts,
  HALF_LIFE_DAYS,
  MIN_VISITORS,
  USAGE_BOOST_CAP,
  usageBoost,
  type VisitorEvidence,
} from './usage-signal';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-12-01T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);
const votes = (n: number, helpful: boolean | null, at = NOW): VisitorEvidence[] =>
  Array.from({ length: n }, () => ({ helpful, at }));
const boostOf = (visitors: VisitorEvidence[], now = NOW) =>
  usageBoost(aggregateEvidence('app revok', 'revoke-an-app', visitors, NOW), now);

describe('usage boost', () => {
  it('is nothing until several distinct visitors have a say', () => {
    expect(boostOf(votes(1, true))).toBe(0);
    expect(boostOf(votes(MIN_VISITORS - 1, true))).toBe(0);
    expect(boostOf(votes(MIN_VISITORS, true))).toBeGreaterThan(0);
  });

  it('grows with more visitors who found it helpful, and never passes the cap', () => {
    const few = boostOf(votes(3, true));
    const many = boostOf(votes(30, true));
    const crowd = boostOf(votes(100_000, true));
    expect(many).toBeGreaterThan(few);
    expect(crowd).toBeLessThanOrEqual(USAGE_BOOST_CAP);
    expect(crowd).toBeGreaterThan(USAGE_BOOST_CAP * 0.99);
  });

  it('is negative when people open the article and say it did not help', () => {
    expect(boostOf(votes(5, false))).toBeLessThan(0);
    expect(boostOf(votes(100_000, false))).toBeGreaterThanOrEqual(-USAGE_BOOST_CAP);
    // Mixed opinions cancel out.
    expect(boostOf([...votes(4, true), ...votes(4, false)])).toBe(0);
  });

  it('counts opening without a vote as a small positive, far below a helpful vote', () => {
    const opened = boostOf(votes(5, null));
    expect(opened).toBeGreaterThan(0);
    expect(opened).toBeLessThan(boostOf(votes(5, true)) / 3);
  });

  it('fades with a half-life: old votes count for less, and decaying a stored sum is exact', () => {
    const fresh = boostOf(votes(6, true));
    const old = boostOf(votes(6, true, ago(HALF_LIFE_DAYS * 2)));
    expect(old).toBeGreaterThan(0);
    expect(old).toBeLessThan(fresh);
    // An aggregate stored today and read two half-lives later equals one computed then.
    const later = new Date(NOW.getTime() + HALF_LIFE_DAYS * 2 * DAY);
    const storedNow = usageBoost(aggregateEvidence('f', 's', votes(6, true), NOW), later);
    const computedLater = usageBoost(aggregateEvidence('f', 's', votes(6, true), later), later);
    expect(storedNow).toBeCloseTo(computedLater, 10);
    expect(storedNow).toBeCloseTo(old, 10);
  });

  it('keeps only families and articles that move, per family', () => {
    const boosts = buildUsageBoosts(
      [
        aggregateEvidence('app revok', 'revoke-an-app', votes(5, true), NOW),
        aggregateEvidence('app revok', 'connected-apps-page', votes(2, true), NOW),
        aggregateEvidence('app author', 'pre-approve-apps', votes(5, false), NOW),
      ],
      NOW,
    );
    expect([...boosts.keys()].sort()).toEqual(['app author', 'app revok']);
    expect([...boosts.get('app revok')!.keys()]).toEqual(['revoke-an-app']);
    expect(boosts.get('app author')!.get('pre-approve-apps')).toBeLessThan(0);
  });
});

function article(id: string, over: Partial<SearchDocument>): SearchDocument {
  return {
    id,
    url: `/articles/${id}`,
    title: id,
    summary: '',
    headings: [],
    tags: [],
    body: '',
    errorSignatures: [],
    products: ['jira'],
    ...over,
  };
}

const DOCS: SearchDocument[] = [
  article('revoke-an-app', {
    title: 'Revoke an app',
    summary: 'Take away an app’s access to your site.',
    body: 'Open the connected apps page and choose revoke access for the app.',
  }),
  article('connected-apps-page', {
    title: 'The connected apps page',
    summary: 'Where admins see every app installed on a site.',
    body: 'Each app has a menu. From there an admin can revoke it, among other things.',
  }),
  article('remove-an-app', {
    title: 'Uninstall an app you no longer use',
    summary: 'Revoke and uninstall an app from your site.',
    body: 'Uninstalling removes the app; revoking its access comes first.',
  }),
  article('uninstall-an-app', {
    title: 'Uninstall an app from your site',
    summary: 'Revoke and uninstall an app from your site.',
    body: 'Uninstalling removes the app; revoking its access comes first.',
  }),
  article('billing', { title: 'Billing for apps', body: 'Invoices and payment for marketplace apps.' }),
];

describe('usage boost in ranking', () => {
  const index = createSearchIndex(DOCS);
  const ids = (q: string, usageBoosts?: ReadonlyMap<string, number>) =>
    index.search(q, { usageBoosts }).results.map((r) => r.id);

  it('never lifts a weak match above a perfect title match, even at the cap', () => {
    const plain = ids('revoke an app');
    expect(plain[0]).toBe('revoke-an-app');
    const weakest = plain.at(-1)!;
    expect(weakest).not.toBe('revoke-an-app');
    // Far more than the cap asked for: the index clamps it where it is applied.
    const boosted = ids(
      'revoke an app',
      new Map([
        [weakest, 10],
        ['revoke-an-app', -10],
      ]),
    );
    expect(boosted[0]).toBe('revoke-an-app');
  });

  it('decides a close call between two equally matching articles, either way', () => {
    const plain = ids('uninstall app');
    const [first, second] = plain;
    expect(new Set([first, second])).toEqual(new Set(['remove-an-app', 'uninstall-an-app']));
    expect(ids('uninstall app', new Map([[second!, USAGE_BOOST_CAP]]))[0]).toBe(second);
    expect(ids('uninstall app', new Map([[first!, -USAGE_BOOST_CAP]]))[0]).toBe(second);
  });

  it('changes nothing without a signal: the same order and scores as text alone', () => {
    const q = 'How do I revoke an app from my site?';
    expect(index.search(q, { usageBoosts: new Map() })).toEqual(index.search(q));
  });

  it('reaches the ranking through the family: other wordings of the question get the same boost', () => {
    const family = queryFamily('uninstall app site')!;
    expect(queryFamily('Uninstalling apps from a site')).toBe(family);
  });
});
