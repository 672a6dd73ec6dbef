import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getCurrentSession } from '@/lib/auth/current-viewer';
import { getDb } from '@/lib/db/client';
import type { UnavailableReason } from '@/lib/flows/checks';
import { checkResultsFrom } from '@/lib/flows/facts';
import { gatherFacts } from '@/lib/flows/gather-facts';
import { readWizardInputs } from '@/lib/flows/inputs';
import { getFlow } from '@/lib/flows/load';
import { replayPath } from '@/lib/flows/stepper';
import type { FaultKind } from '@/tests/support/atlassian-contract-server';
import { openAtlassianModeSuite } from '@/tests/support/atlassian-mode';

// Faults: with Atlassian slow, failing or rate limiting, the troubleshooter must not guess (an
// empty site list would read as "you are not a member"): every site check says it cannot answer
// and why, and the flow asks the visitor instead. Runs gatherFacts → checks → stepper, the same
// path the wizard page takes, for a signed-in Atlassian user against the contract server.

const cookieJar = vi.hoisted(() => ({ value: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    getAll: () => (cookieJar.value ? [{ name: 'next-auth.session-token', value: cookieJar.value }] : []),
  }),
}));

const NORA = {
  accountId: '712020:nora-000-4000-8000-000000000003',
  email: 'nora@acme.test',
  name: 'Nora User',
};
const SITE_CHECKS = [
  'member-of-site',
  'site-admin',
  'admin-to-confirm',
  'app-authorized',
  'open-request-exists',
] as const;

describe('troubleshooter with Atlassian failing', () => {
  const suite = openAtlassianModeSuite();
  beforeEach(async () => {
    // A fresh Atlassian session for Nora: a valid access token, so the page asks Atlassian.
    cookieJar.value = (await suite.signIn(NORA)).raw;
  });

  async function troubleshoot() {
    const flow = getFlow('authorize-app')!;
    const inputs = readWizardInputs({ site: 'acme.atlassian.net', app: 'app-docuflow' });
    // As the wizard page does: the session from the cookie, the database, the inputs.
    const facts = await gatherFacts(getDb, await getCurrentSession(), inputs);
    const checks = checkResultsFrom(inputs, facts);
    const trail = replayPath(flow, [], checks);
    return { facts, checks, shown: trail.steps[trail.steps.length - 1]! };
  }

  it('with Atlassian answering, the checks answer (the baseline the faults are measured against)', async () => {
    const { checks, shown } = await troubleshoot();
    expect(checks['member-of-site']).toEqual({ answer: 'yes' });
    expect(checks['site-admin']).toEqual({ answer: 'no' });
    expect(shown.fallbackReason).toBeUndefined();
  });

  const faults: {
    kind: FaultKind;
    label: string;
    reason: UnavailableReason;
    retryAfterSeconds?: number;
    delayMs?: number;
  }[] = [
    {
      kind: 'rate-limited',
      label: 'rate limiting (429 with Retry-After)',
      reason: { code: 'atlassian-rate-limited', retryAfterSeconds: '1' },
      retryAfterSeconds: 1,
    },
    { kind: 'server-error', label: 'failing (500)', reason: { code: 'atlassian-unreachable' } },
    { kind: 'unavailable', label: 'unavailable (503)', reason: { code: 'atlassian-unreachable' } },
    // Past the client's 5 s timeout on every attempt; the retries make this the slow case (~16 s).
    { kind: 'slow', label: 'slow (past the timeout)', reason: { code: 'atlassian-timeout' }, delayMs: 5_500 },
  ];

  it.each(faults)(
    'with Atlassian $label, every site check falls back to asking and says why',
    { timeout: 40_000 },
    async (fault) => {
      suite.server.addFault({
        kind: fault.kind,
        ...(fault.retryAfterSeconds !== undefined ? { retryAfterSeconds: fault.retryAfterSeconds } : {}),
        ...(fault.delayMs !== undefined ? { delayMs: fault.delayMs } : {}),
      });
      const { facts, checks, shown } = await troubleshoot();

      expect(facts.viewer).toMatchObject({ email: NORA.email });
      expect(facts.sites, 'no guessed site list').toBeUndefined();
      expect(facts.sitesUnavailable).toEqual(fault.reason);
      for (const check of SITE_CHECKS)
        expect(checks[check], check).toEqual({ unavailable: facts.sitesUnavailable });
      // Signed in is still known; the first question about the site is asked, with the reason shown.
      expect(checks['signed-in']).toEqual({ answer: 'yes' });
      expect(shown.node.kind).toBe('question');
      expect(shown.fallbackReason).toBe(facts.sitesUnavailable);
    },
  );

  it('recovers on the next visit once Atlassian answers again', { timeout: 20_000 }, async () => {
    suite.server.addFault({ kind: 'server-error' });
    expect((await troubleshoot()).facts.sitesUnavailable).toBeDefined();
    suite.server.clearFaults();
    const { checks } = await troubleshoot();
    expect(checks['member-of-site']).toEqual({ answer: 'yes' });
  });
});
