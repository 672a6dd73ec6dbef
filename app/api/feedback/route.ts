// POST /api/feedback – "Was this helpful?" vote on an article; one per visitor per article.
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { hashedVisitorId, visitorCookie, visitorIdFrom } from '@/lib/http/visitor';
import { feedbackInputSchema } from '@/lib/insights/feedback-input';
import { recordFeedback } from '@/lib/insights/record-feedback';
import { recordVoteAfterOpen } from '@/lib/search/usage-store';

export const POST = defineRoute({ name: 'feedback', rateLimit: 'vote' }, async ({ request, db }) => {
  const input = await parseJsonBody(request, feedbackInputSchema);
  const { visitorId, isNew } = visitorIdFrom(request);
  const feedback = await recordFeedback(db, visitorId, input);
  // The vote is also this visitor's say on the article for the searches they opened it from.
  await recordVoteAfterOpen(db, {
    visitorHash: hashedVisitorId(visitorId),
    slug: input.slug,
    helpful: input.helpful,
  });
  const headers = new Headers();
  if (isNew) headers.append('set-cookie', visitorCookie(visitorId));
  return json({ feedback }, { status: feedback.replaced ? 200 : 201, headers });
});
