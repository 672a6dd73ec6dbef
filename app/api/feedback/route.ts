// POST /api/feedback – "Was this helpful?" vote on an article; one per visitor per article.
import { getArticle } from '@/lib/content/articles';
import { getDb } from '@/lib/db/client';
import { badRequest } from '@/lib/errors';
import { parseJsonBody } from '@/lib/http/parse';
import { defineRoute, json } from '@/lib/http/route';
import { visitorCookie, visitorIdFrom } from '@/lib/http/visitor';
import { feedbackInputSchema } from '@/lib/insights/feedback-input';
import { recordFeedback } from '@/lib/insights/record-feedback';

export const POST = defineRoute(
  { name: 'feedback', rateLimit: { points: 20, durationSeconds: 60 } },
  async ({ request }) => {
    const input = await parseJsonBody(request, feedbackInputSchema);
    if (!getArticle(input.slug))
      throw badRequest(`slug: there is no article "${input.slug}"`, 'unknown_article');
    const { visitorId, isNew } = visitorIdFrom(request);
    const feedback = await recordFeedback(await getDb(), visitorId, input);
    const headers = new Headers();
    if (isNew)
      headers.append('set-cookie', visitorCookie(visitorId, new URL(request.url).protocol === 'https:'));
    return json({ feedback }, { status: feedback.replaced ? 200 : 201, headers });
  },
);
