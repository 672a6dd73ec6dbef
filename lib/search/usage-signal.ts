/**
 * Learning from use: what searchers of one query family (query-family.ts) opened and whether they
 * then found it helpful, turned into a small, bounded change to an article's score for that family.
 * Greenlight's own rules (no library models "a few anonymous votes per query"), kept pure here:
 *
 * - **One visitor, one say.** Each hashed visitor counts once per family and article, whatever
 *   they do: opened it (+0.2), then voted it helpful (+1) or not helpful (−1); their last word counts.
 * - **Several visitors.** Fewer than MIN_VISITORS distinct visitors move nothing.
 * - **Decaying.** A visitor's say halves every HALF_LIFE_DAYS from their last event.
 * - **Shrunk and capped.** The decayed mean is shrunk toward nothing by PRIOR_WEIGHT (a handful of
 *   visitors move a result less than many) and scaled to at most ±USAGE_BOOST_CAP of the article's
 *   own score: a close call can change places, a strong textual match cannot be overtaken by a weak one.
 */

export const USAGE_BOOST_CAP = 0.2;
export const MIN_VISITORS = 3;
export const HALF_LIFE_DAYS = 30;
/** Visitors' worth of "no opinion" every mean starts with. */
export const PRIOR_WEIGHT = 2;
/** What a visitor's vote or open says. */
export const VISITOR_VALUE = { helpful: 1, notHelpful: -1, openedOnly: 0.2 } as const;
/** A vote counts for the search it followed when it comes within this time of opening the result. */
export const VOTE_WINDOW_HOURS = 24;
/** Smaller changes than this are not worth carrying into the search process. */
const NEGLIGIBLE = 0.005;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One visitor's say about one article for one family. */
export interface VisitorEvidence {
  /** Their vote after opening the article; null when they opened it and did not vote. */
  helpful: boolean | null;
  /** Their last event (open or vote). */
  at: Date;
}

/**
 * Per family and article, the sums a boost is made from, as of `computedAt`. Stored by the
 * aggregate (usage-store.ts) and read back by the search process: exponential decay is the same
 * factor for every visitor, so the sums can be decayed further when read, exactly.
 */
export interface UsageAggregate {
  family: string;
  slug: string;
  visitors: number;
  /** Σ value × weight. */
  evidence: number;
  /** Σ weight. */
  weight: number;
  computedAt: Date;
}

export function visitorValue(helpful: boolean | null): number {
  if (helpful === true) return VISITOR_VALUE.helpful;
  if (helpful === false) return VISITOR_VALUE.notHelpful;
  return VISITOR_VALUE.openedOnly;
}

/** 1 now, ½ after HALF_LIFE_DAYS, ¼ after twice that; events "from the future" count as now. */
export function decayFactor(ageMs: number): number {
  return Math.pow(0.5, Math.max(0, ageMs) / (HALF_LIFE_DAYS * DAY_MS));
}

/** The sums for one family and article from each visitor's evidence (one entry per visitor). */
export function aggregateEvidence(
  family: string,
  slug: string,
  visitors: readonly VisitorEvidence[],
  now: Date,
): UsageAggregate {
  let evidence = 0;
  let weight = 0;
  for (const visitor of visitors) {
    const w = decayFactor(now.getTime() - visitor.at.getTime());
    evidence += w * visitorValue(visitor.helpful);
    weight += w;
  }
  return { family, slug, visitors: visitors.length, evidence, weight, computedAt: now };
}

/** The share by which an article's score changes for its family: within ±USAGE_BOOST_CAP, 0 below the visitor threshold. */
export function usageBoost(aggregate: UsageAggregate, now: Date): number {
  if (aggregate.visitors < MIN_VISITORS) return 0;
  const f = decayFactor(now.getTime() - aggregate.computedAt.getTime());
  const mean = (f * aggregate.evidence) / (f * aggregate.weight + PRIOR_WEIGHT);
  const boost = USAGE_BOOST_CAP * Math.max(-1, Math.min(1, mean));
  return Math.abs(boost) < NEGLIGIBLE ? 0 : boost;
}

/** Family → article slug → boost: what the search process keeps in memory. */
export type UsageBoosts = ReadonlyMap<string, ReadonlyMap<string, number>>;

export const NO_USAGE_BOOSTS: UsageBoosts = new Map();

export function buildUsageBoosts(aggregates: Iterable<UsageAggregate>, now: Date): UsageBoosts {
  const boosts = new Map<string, Map<string, number>>();
  for (const aggregate of aggregates) {
    const boost = usageBoost(aggregate, now);
    if (boost === 0) continue;
    const family = boosts.get(aggregate.family) ?? new Map<string, number>();
    family.set(aggregate.slug, boost);
    boosts.set(aggregate.family, family);
  }
  return boosts;
}

/** A score with its usage boost applied; the boost is clamped here too, where it is used. */
export function boostedScore(score: number, boost: number | undefined): number {
  if (!boost) return score;
  return score * (1 + Math.max(-USAGE_BOOST_CAP, Math.min(USAGE_BOOST_CAP, boost)));
}
