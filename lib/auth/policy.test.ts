import { describe, expect, it } from 'vitest';
import type { Viewer } from '@/lib/auth/viewer';
import type { InsightsViewerList } from '@/lib/config';
import { AppError } from '@/lib/errors';
import {
  assertCanAdministerSite,
  assertCanSeeInsights,
  assertCanSeeSite,
  canAdministerSite,
  canDecideRequest,
  canSeeInsights,
  canSeeRequest,
  canSeeSite,
  canWithdrawRequest,
  isConfiguredInsightsViewer,
  type SiteAccess,
} from './policy';

const nora: Viewer = {
  userId: 'user-nora',
  accountId: 'a-nora',
  email: 'nora@acme.test',
  name: 'Nora User',
  source: 'local',
};
const ada: Viewer = {
  userId: 'user-ada',
  accountId: 'a-ada',
  email: 'ada@acme.test',
  name: 'Ada Admin',
  source: 'local',
};

const none: SiteAccess = null;
const member: SiteAccess = { siteId: 'site-acme', role: 'user' };
const admin: SiteAccess = { siteId: 'site-acme', role: 'site-admin' };

const statusOf = (fn: () => void) => {
  try {
    fn();
    return 'allowed';
  } catch (error) {
    return error instanceof AppError ? error.status : 'crashed';
  }
};

describe('site policy', () => {
  it.each([
    ['a non-member', none, false, false, 404, 404],
    ['a member', member, true, false, 'allowed', 403],
    ['a site admin', admin, true, true, 'allowed', 'allowed'],
  ] as const)('%s: see=%s administer=%s', (_who, access, see, administer, seeStatus, administerStatus) => {
    expect(canSeeSite(access)).toBe(see);
    expect(canAdministerSite(access)).toBe(administer);
    expect(statusOf(() => assertCanSeeSite(access))).toBe(seeStatus);
    expect(statusOf(() => assertCanAdministerSite(access))).toBe(administerStatus);
  });
});

describe('access-request policy', () => {
  const norasRequest = { requesterId: 'user-nora', siteId: 'site-acme' };
  const someoneElses = { requesterId: 'user-sam', siteId: 'site-acme' };

  it('a requester sees and withdraws their own request but cannot decide it', () => {
    expect(canSeeRequest(nora, norasRequest, member)).toBe(true);
    expect(canWithdrawRequest(nora, norasRequest)).toBe(true);
    expect(canDecideRequest(member)).toBe(false);
  });

  it("a member does not see someone else's request on the same site", () => {
    expect(canSeeRequest(nora, someoneElses, member)).toBe(false);
    expect(canWithdrawRequest(nora, someoneElses)).toBe(false);
  });

  it("a site admin sees and decides any request on their site but does not withdraw someone else's", () => {
    expect(canSeeRequest(ada, someoneElses, admin)).toBe(true);
    expect(canDecideRequest(admin)).toBe(true);
    expect(canWithdrawRequest(ada, someoneElses)).toBe(false);
  });

  it('nobody outside the site sees its requests, whatever they claim', () => {
    expect(canSeeRequest(ada, someoneElses, none)).toBe(false);
    expect(canDecideRequest(none)).toBe(false);
  });
});

describe('insights policy', () => {
  it('lets org admins see insights and answers 404 to everyone else, site admins included', () => {
    expect(canSeeInsights(['org-acme'], false)).toBe(true);
    expect(statusOf(() => assertCanSeeInsights(['org-acme'], false))).toBe('allowed');
    expect(canSeeInsights([], false)).toBe(false);
    expect(statusOf(() => assertCanSeeInsights([], false))).toBe(404);
  });

  it('lets a configured insights viewer see insights without administering an organisation', () => {
    expect(canSeeInsights([], true)).toBe(true);
    expect(statusOf(() => assertCanSeeInsights([], true))).toBe('allowed');
    expect(canSeeInsights(['org-acme'], true)).toBe(true);
  });
});

describe('configured insights viewers', () => {
  const list: InsightsViewerList = {
    emails: ['nora@acme.test', 'Gus@Globex.test'],
    accountIds: ['712020:6e0c1f2a-ada0-4c1e-9a11-000000000001'],
  };
  const someone = (email: string, accountId: string) => ({ email, accountId });

  it.each([
    ['the same e-mail', someone('nora@acme.test', 'a-nora'), true],
    ['the e-mail in another case', someone('NORA@Acme.Test', 'a-nora'), true],
    ['an entry written in another case', someone('gus@globex.test', 'a-gus'), true],
    ['the account id', someone('ada@acme.test', '712020:6e0c1f2a-ada0-4c1e-9a11-000000000001'), true],
    [
      'the account id in another case',
      someone('x@y.test', '712020:6E0C1F2A-ADA0-4C1E-9A11-000000000001'),
      false,
    ],
    ['another e-mail on the same domain', someone('ada@acme.test', 'a-ada'), false],
    ['an e-mail that only contains a listed one', someone('xnora@acme.test', 'a-x'), false],
    ['an account id equal to a listed e-mail', someone('', 'nora@acme.test'), false],
    [
      'an e-mail equal to a listed account id',
      someone('712020:6e0c1f2a-ada0-4c1e-9a11-000000000001', 'a-x'),
      false,
    ],
    ['no e-mail and no account id', someone('', ''), false],
  ] as const)('%s', (_case, viewer, listed) => {
    expect(isConfiguredInsightsViewer(viewer, list)).toBe(listed);
  });

  it('matches nobody when the list is empty', () => {
    expect(isConfiguredInsightsViewer(ada, { emails: [], accountIds: [] })).toBe(false);
    expect(isConfiguredInsightsViewer(nora, { emails: [], accountIds: [] })).toBe(false);
  });
});
