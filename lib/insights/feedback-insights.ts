import { FEEDBACK_REASONS, type FeedbackReason } from './feedback-reasons';

/** An article vote as insights reads it: the visitor's latest vote (a second vote replaces the first). */
export interface ArticleVote {
  articleSlug: string;
  helpful: boolean;
  reason: string | null;
  comment: string | null;
  votedAt: Date;
}

export interface ArticleHelpfulness {
  slug: string;
  yes: number;
  no: number;
  /** yes / (yes + no), 0..1. */
  helpfulShare: number;
}

export interface ReasonCount {
  reason: string;
  label: string;
  votes: number;
}

export interface FeedbackComment {
  slug: string;
  reason: string | null;
  comment: string;
  votedAt: Date;
}

/** Yes and No votes per article, most voted first. */
export function articleHelpfulness(votes: readonly ArticleVote[], limit = 15): ArticleHelpfulness[] {
  const perArticle = new Map<string, { yes: number; no: number }>();
  for (const vote of votes) {
    const tally = perArticle.get(vote.articleSlug) ?? { yes: 0, no: 0 };
    if (vote.helpful) tally.yes += 1;
    else tally.no += 1;
    perArticle.set(vote.articleSlug, tally);
  }
  return [...perArticle]
    .map(([slug, { yes, no }]) => ({ slug, yes, no, helpfulShare: yes / (yes + no) }))
    .sort((a, b) => b.yes + b.no - (a.yes + a.no) || a.slug.localeCompare(b.slug))
    .slice(0, limit);
}

const reasonLabel = (reason: string) =>
  Object.hasOwn(FEEDBACK_REASONS, reason) ? FEEDBACK_REASONS[reason as FeedbackReason] : reason;

/** Why No votes said No: every known reason (0 included, so the chart keeps its shape), then any other. */
export function noVoteReasons(votes: readonly ArticleVote[]): ReasonCount[] {
  const counts = new Map<string, number>(Object.keys(FEEDBACK_REASONS).map((reason) => [reason, 0]));
  for (const vote of votes) {
    if (vote.helpful || !vote.reason) continue;
    counts.set(vote.reason, (counts.get(vote.reason) ?? 0) + 1);
  }
  return [...counts]
    .map(([reason, count]) => ({ reason, label: reasonLabel(reason), votes: count }))
    .sort((a, b) => b.votes - a.votes || a.reason.localeCompare(b.reason));
}

/** The newest comments left with No votes, newest first. */
export function recentComments(votes: readonly ArticleVote[], limit = 10): FeedbackComment[] {
  return votes
    .filter(
      (vote): vote is ArticleVote & { comment: string } => !vote.helpful && Boolean(vote.comment?.trim()),
    )
    .sort((a, b) => b.votedAt.getTime() - a.votedAt.getTime())
    .slice(0, limit)
    .map((vote) => ({
      slug: vote.articleSlug,
      reason: vote.reason,
      comment: vote.comment,
      votedAt: vote.votedAt,
    }));
}
