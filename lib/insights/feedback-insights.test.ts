import { describe, expect, it } from 'vitest';
import { articleHelpfulness, noVoteReasons, recentComments, type ArticleVote } from './feedback-insights';

const vote = (
  articleSlug: string,
  helpful: boolean,
  day: number,
  reason: string | null = null,
  comment: string | null = null,
): ArticleVote => ({
  articleSlug,
  helpful,
  reason,
  comment,
  votedAt: new Date(Date.UTC(2025, 2, day)),
});

const VOTES: ArticleVote[] = [
  vote('connected-apps-page', true, 1),
  vote('connected-apps-page', true, 2),
  vote('connected-apps-page', false, 3, 'hard-to-follow', 'Which menu is it under?'),
  vote('find-your-site-admins', false, 4, 'did-not-work', '   '),
  vote('find-your-site-admins', false, 5, 'hard-to-follow'),
  vote('pre-approve-apps', true, 6),
];

describe('feedback insights', () => {
  it('tallies Yes and No per article, most voted first', () => {
    expect(articleHelpfulness(VOTES)).toEqual([
      { slug: 'connected-apps-page', yes: 2, no: 1, helpfulShare: 2 / 3 },
      { slug: 'find-your-site-admins', yes: 0, no: 2, helpfulShare: 0 },
      { slug: 'pre-approve-apps', yes: 1, no: 0, helpfulShare: 1 },
    ]);
  });

  it('counts reasons for No with their labels, every known reason present', () => {
    const reasons = noVoteReasons(VOTES);
    expect(reasons[0]).toEqual({
      reason: 'hard-to-follow',
      label: 'The steps were hard to follow',
      votes: 2,
    });
    expect(reasons[1]).toMatchObject({ reason: 'did-not-work', votes: 1 });
    expect(reasons.map((reason) => reason.reason)).toHaveLength(5);
    expect(reasons.slice(2).every((reason) => reason.votes === 0)).toBe(true);
  });

  it('lists comments of No votes newest first, skipping blank ones', () => {
    expect(recentComments(VOTES)).toEqual([
      {
        slug: 'connected-apps-page',
        reason: 'hard-to-follow',
        comment: 'Which menu is it under?',
        votedAt: new Date(Date.UTC(2025, 2, 3)),
      },
    ]);
  });
});
