import type { CheckResults } from '@/lib/flows/checks';
import type { Flow } from '@/lib/flows/schema';
import { choicesOf, nextNode, startOf } from '@/lib/flows/stepper';
import { FEEDBACK_REASONS } from '@/lib/insights/feedback-reasons';

/**
 * Thirty days of made-up help-center activity for demos, generated from a seeded PRNG so the same
 * `now` always gives the same rows. Funnel visits walk the real flow with the real stepper, so
 * every node, choice and outcome exists in content/flows.
 *
 * Every row id starts with DEMO_ACTIVITY_ID_PREFIX: re-seeding deletes exactly these rows first.
 */
export const DEMO_ACTIVITY_ID_PREFIX = 'dea0c71d-';
const ID_KIND = { search: '0001', vote: '0002', event: '0003', request: '0004', visit: '0005' } as const;

const demoId = (kind: keyof typeof ID_KIND, n: number) =>
  `${DEMO_ACTIVITY_ID_PREFIX}${ID_KIND[kind]}-4000-8000-${n.toString(16).padStart(12, '0')}`;

export const DEMO_ACTIVITY_REQUESTERS = [
  {
    id: 'user-demo-activity-priya',
    accountId: 'demo-activity-priya',
    email: 'priya@acme.test',
    name: 'Priya Shah',
    siteIds: ['site-acme', 'site-acme-sandbox'],
  },
  {
    id: 'user-demo-activity-tom',
    accountId: 'demo-activity-tom',
    email: 'tom@acme.test',
    name: 'Tom Becker',
    siteIds: ['site-acme'],
  },
  {
    id: 'user-demo-activity-lena',
    accountId: 'demo-activity-lena',
    email: 'lena@acme.test',
    name: 'Lena Fischer',
    siteIds: ['site-acme', 'site-acme-sandbox'],
  },
  {
    id: 'user-demo-activity-omar',
    accountId: 'demo-activity-omar',
    email: 'omar@globex.test',
    name: 'Omar Haddad',
    siteIds: ['site-globex'],
  },
] as const;

const SITE_ADMIN: Record<string, string> = {
  'site-acme': 'user-ada',
  'site-acme-sandbox': 'user-sam',
  'site-globex': 'user-gus',
};
const PRE_APPROVED = new Set(['site-acme-sandbox/app-roadmap']);
const APP_IDS = ['app-docuflow', 'app-roadmap', 'app-timesheets'] as const;

// [query, results, weight]: what people type, typos and searches the help center cannot answer.
const SEARCHES: Array<[string, number, number]> = [
  ['your site admin must authorize this app', 6, 40],
  ['site admin must authorize this app', 5, 25],
  ['authorize app', 7, 20],
  ['connected apps', 4, 15],
  ['user installed apps', 3, 12],
  ['find site admin', 3, 12],
  ['who is my site admin', 2, 10],
  ['org admin vs site admin', 3, 8],
  ['app not in connected apps', 3, 8],
  ['request access to app', 3, 7],
  ['pre-approve apps', 2, 6],
  ['redirect_uri mismatch', 2, 6],
  ['sandbox app authorization', 2, 5],
  ['authorise app', 7, 6],
  ['conected apps', 4, 5],
  ['site admnin', 5, 4],
  ['authorize this ap', 6, 3],
  ['slack integration', 0, 7],
  ['billing invoice', 0, 5],
  ['reset two-step verification', 0, 5],
  ['bitbucket app password', 0, 4],
  ['marketplace refund', 0, 3],
  ['scim provisioning', 0, 3],
  ['athorize apps jria', 0, 2],
  ['delete my atlassian account', 0, 2],
];

const COMMENTS = [
  'Which menu is Connected apps under? I could not find it.',
  'The screenshot does not match what I see in admin.atlassian.com.',
  '- step 3 link is broken for our sandbox',
  'I am a Jira admin but still cannot authorize the app.',
  'Would be good to say how long the admin usually takes.',
  'Our site blocks user-installed apps and this did not say what to do.',
  'Too long, I only needed the link.',
];

const DENIAL_REASONS = [
  'Needs a security review first: please write to it-security.',
  'We already use an approved tool for this; ask in #it-help which one.',
  'Sandbox only until the pilot ends.',
];

const REQUEST_MESSAGES = [
  'Needed for the Q3 release planning.',
  'Our team logs time with it; payroll needs the export.',
  null,
  'Customer contract requires signed PDFs of these pages.',
];

export interface DemoActivity {
  searches: Array<{ id: string; query: string; resultCount: number; ms: number; createdAt: Date }>;
  votes: Array<{
    id: string;
    articleSlug: string;
    visitorId: string;
    helpful: boolean;
    reason: string | null;
    comment: string | null;
    createdAt: Date;
    updatedAt: Date;
  }>;
  flowEvents: Array<{
    id: string;
    visitId: string;
    flow: string;
    node: string;
    kind: 'node_shown' | 'choice_made' | 'outcome_reached';
    choice: string | null;
    outcome: string | null;
    createdAt: Date;
  }>;
  requests: Array<{
    id: string;
    requesterId: string;
    siteId: string;
    appId: string;
    message: string | null;
    status: 'approved' | 'denied';
    decidedBy: string;
    decisionReason: string | null;
    createdAt: Date;
    updatedAt: Date;
    decidedAt: Date;
  }>;
}

export interface DemoActivityOptions {
  now: Date;
  flows: readonly Flow[];
  articleSlugs: readonly string[];
  days?: number;
  seed?: number;
}

/** mulberry32: tiny, fast and good enough for demo data; the same seed gives the same sequence. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    weighted: <T>(items: readonly T[], weightOf: (item: T) => number): T => {
      const total = items.reduce((sum, item) => sum + weightOf(item), 0);
      let left = next() * total;
      for (const item of items) {
        left -= weightOf(item);
        if (left < 0) return item;
      }
      return items.at(-1)!;
    },
  };
}
type Random = ReturnType<typeof createRandom>;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A moment in the last `days` days, during working hours more often than not, fewer on weekends. */
function pastMoment(random: Random, now: Date, days: number, notAfterMs = 0): Date {
  for (;;) {
    const at = new Date(now.getTime() - notAfterMs - random.next() * (days * DAY - notAfterMs));
    const weekend = at.getUTCDay() === 0 || at.getUTCDay() === 6;
    const night = at.getUTCHours() < 6 || at.getUTCHours() > 20;
    if ((weekend || night) && random.chance(0.65)) continue;
    return at;
  }
}

function visitChecks(random: Random): CheckResults {
  const answer = (yes: number) => ({ answer: random.chance(yes) ? ('yes' as const) : ('no' as const) });
  // Most visitors paste the site-admin error itself; a few an IP refusal or a missing product.
  const pasted = { 'error-ip-rejected': answer(0.04), 'error-no-product-access': answer(0.04) };
  if (random.chance(0.45)) return { ...pasted, 'signed-in': { answer: 'no' } };
  return {
    ...pasted,
    'signed-in': { answer: 'yes' },
    // A Jira or Confluence admin who is not known as a site admin, asked to confirm.
    'admin-to-confirm': answer(0.1),
    'member-of-site': answer(0.85),
    'site-admin': answer(0.25),
    'app-authorized': random.chance(0.05) ? { unavailable: { code: 'apps-unavailable' } } : answer(0.2),
    'open-request-exists': answer(0.15),
  };
}

const ACTION_WEIGHTS: Record<string, number> = { sent: 80, approved: 12, denied: 8, ok: 50, problems: 50 };

function walkVisit(
  random: Random,
  flow: Flow,
  visitId: string,
  start: Date,
  emit: (event: Omit<DemoActivity['flowEvents'][number], 'id'>) => void,
) {
  const checks = visitChecks(random);
  let at = start.getTime();
  let resolution = startOf(flow, checks);
  for (let step = 0; step < 20; step++) {
    const node = resolution.node;
    const base = { visitId, flow: flow.id, node: node.id, choice: null, outcome: null };
    emit({ ...base, kind: 'node_shown', createdAt: new Date(at) });
    if (node.kind === 'outcome') {
      emit({ ...base, kind: 'outcome_reached', outcome: node.outcome, createdAt: new Date(at) });
      return;
    }
    if (random.chance(0.12)) return; // left without choosing
    const choices = choicesOf(node);
    const choice =
      node.kind === 'action'
        ? random.weighted(choices, (c) => ACTION_WEIGHTS[c] ?? 10)
        : random.pick(choices);
    at += random.int(10, 150) * 1000;
    emit({ ...base, kind: 'choice_made', choice, createdAt: new Date(at) });
    const next = nextNode(flow, node.id, choice, checks);
    if (!next) return;
    resolution = next;
    at += random.int(1, 4) * 1000;
  }
}

export function generateDemoActivity(options: DemoActivityOptions): DemoActivity {
  const random = createRandom(options.seed ?? 20250314);
  const days = options.days ?? 30;
  const { now } = options;

  const searches = Array.from({ length: 480 }, (_, n) => {
    const [query, resultCount] = random.weighted(SEARCHES, ([, , weight]) => weight);
    return {
      id: demoId('search', n),
      query,
      resultCount,
      ms: random.int(3, 60),
      createdAt: pastMoment(random, now, days),
    };
  });

  // Popular articles (the first ones) get more votes; each article has its own helpfulness.
  const slugs = options.articleSlugs;
  const reasons = Object.keys(FEEDBACK_REASONS);
  const votes =
    slugs.length === 0
      ? []
      : Array.from({ length: 140 }, (_, n) => {
          const index = Math.min(slugs.length - 1, Math.floor(Math.pow(random.next(), 1.8) * slugs.length));
          const helpful = random.chance(0.55 + ((index * 7) % 10) / 30);
          const reason = helpful
            ? null
            : random.weighted(reasons, (r) => (r === 'hard-to-follow' ? 4 : r === 'other' ? 1 : 2));
          const comment = !helpful && random.chance(0.45) ? random.pick(COMMENTS) : null;
          const at = pastMoment(random, now, days);
          return {
            id: demoId('vote', n),
            articleSlug: slugs[index]!,
            visitorId: `demo-activity-${n}`,
            helpful,
            reason,
            comment,
            createdAt: at,
            updatedAt: at,
          };
        });

  const flowEvents: DemoActivity['flowEvents'] = [];
  const flows = options.flows;
  if (flows.length > 0) {
    for (let visit = 0; visit < 240; visit++) {
      const flow = random.pick(flows);
      // Starting an hour or more ago, so a visit left halfway is already "abandoned".
      walkVisit(random, flow, demoId('visit', visit), pastMoment(random, now, days, 60 * MINUTE), (event) =>
        flowEvents.push({ id: demoId('event', flowEvents.length), ...event }),
      );
    }
  }

  const requests: DemoActivity['requests'] = [];
  for (let n = 0; requests.length < 42 && n < 500; n++) {
    const requester = random.pick(DEMO_ACTIVITY_REQUESTERS);
    const siteId = random.pick(requester.siteIds);
    const appId = random.pick(APP_IDS);
    const preApproved = PRE_APPROVED.has(`${siteId}/${appId}`);
    // Mostly within a working day, with a long tail of requests that wait over a weekend.
    const delayMs = preApproved ? 2000 : 0.25 * Math.pow(240, random.next()) * 60 * MINUTE;
    const createdAt = pastMoment(random, now, days);
    const decidedAt = new Date(createdAt.getTime() + delayMs);
    if (decidedAt.getTime() > now.getTime() - MINUTE) continue;
    const denied = !preApproved && random.chance(0.22);
    requests.push({
      id: demoId('request', requests.length),
      requesterId: requester.id,
      siteId,
      appId,
      message: random.pick(REQUEST_MESSAGES),
      status: denied ? 'denied' : 'approved',
      decidedBy: SITE_ADMIN[siteId]!,
      decisionReason: denied ? random.pick(DENIAL_REASONS) : null,
      createdAt,
      updatedAt: decidedAt,
      decidedAt,
    });
  }

  return { searches, votes, flowEvents, requests };
}
