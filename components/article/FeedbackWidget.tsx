'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, useTransition, type FormEvent } from 'react';
import { sendFeedback } from '@/components/api-client';
import type { FeedbackInput } from '@/lib/insights/feedback-input';
import { FEEDBACK_REASONS, MAX_FEEDBACK_COMMENT, type FeedbackReason } from '@/lib/insights/feedback-reasons';

type Stage = 'ask' | 'why' | 'thanks';

// The reasons a reader can give, in the reader's language (the codes are what is stored).
const REASON_KEYS: Record<FeedbackReason, string> = {
  'not-my-problem': 'Article.feedbackNotMyProblem',
  'hard-to-follow': 'Article.feedbackHardToFollow',
  inaccurate: 'Article.feedbackInaccurate',
  'did-not-work': 'Article.feedbackDidNotWork',
  other: 'Article.feedbackOther',
};

export function FeedbackWidget({ slug }: { slug: string }) {
  const t = useTranslations('Article');
  const label = useTranslations();
  const [stage, setStage] = useState<Stage>('ask');
  const [reason, setReason] = useState<FeedbackReason | ''>('');
  const [comment, setComment] = useState('');
  const ids = { heading: useId(), comment: useId(), reasons: useId() };
  // One POST and its pending and error states: a React transition is all this needs, so an
  // article loads no data-fetching library for it.
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const send = (input: FeedbackInput) =>
    startTransition(async () => {
      setError(null);
      try {
        await sendFeedback(input);
        setStage('thanks');
      } catch (failure) {
        setError(
          failure instanceof Error
            ? t('feedbackFailedWith', { error: failure.message })
            : t('feedbackFailed'),
        );
      }
    });

  const voteYes = () => send({ slug, helpful: true });

  const submitNo = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) return;
    send({ slug, helpful: false, reason, comment: comment.trim() || undefined });
  };

  return (
    <section aria-labelledby={ids.heading} className="card mt-10">
      <h2 id={ids.heading} className="text-base font-semibold">
        {t('feedbackQuestion')}
      </h2>
      {stage === 'ask' ? (
        <div className="mt-3 flex gap-3">
          <button type="button" className="btn-secondary" onClick={voteYes} disabled={isPending}>
            {t('feedbackYes')}
          </button>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => setStage('why')}
            disabled={isPending}
          >
            {t('feedbackNo')}
          </button>
        </div>
      ) : null}
      {stage === 'why' ? (
        <form onSubmit={submitNo} className="mt-3 space-y-4">
          <fieldset>
            <legend id={ids.reasons} className="text-sm font-medium">
              {t('feedbackWhatWentWrong')}
            </legend>
            <div className="mt-2 space-y-2">
              {(Object.keys(FEEDBACK_REASONS) as FeedbackReason[]).map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="reason"
                    value={value}
                    checked={reason === value}
                    onChange={() => setReason(value)}
                    required
                  />
                  {label(REASON_KEYS[value])}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={ids.comment} className="text-sm font-medium">
              {t('feedbackAnythingElse')}{' '}
              <span className="font-normal text-slate-600 dark:text-slate-400">{t('optional')}</span>
            </label>
            <textarea
              id={ids.comment}
              className="input mt-1"
              rows={3}
              maxLength={MAX_FEEDBACK_COMMENT}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {t('feedbackCharacters', { count: comment.length, max: MAX_FEEDBACK_COMMENT })}
            </p>
          </div>
          <div className="flex gap-3">
            <button type="submit" className="btn-primary" disabled={!reason || isPending}>
              {t('feedbackSend')}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setStage('ask')}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {stage === 'thanks' ? (
        <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          {t('feedbackThanks')}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </section>
  );
}
