'use client';

import { useId, useState, useTransition, type FormEvent } from 'react';
import { sendFeedback } from '@/components/api-client';
import type { FeedbackInput } from '@/lib/insights/feedback-input';
import { FEEDBACK_REASONS, MAX_FEEDBACK_COMMENT, type FeedbackReason } from '@/lib/insights/feedback-reasons';

type Stage = 'ask' | 'why' | 'thanks';

export function FeedbackWidget({ slug }: { slug: string }) {
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
        setError(failure instanceof Error ? failure.message : 'Your feedback could not be sent. Try again.');
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
        Was this helpful?
      </h2>
      {stage === 'ask' ? (
        <div className="mt-3 flex gap-3">
          <button type="button" className="btn-secondary" onClick={voteYes} disabled={isPending}>
            Yes
          </button>
          <button
            type="button"
            className="btn-secondary"
            onClick={() => setStage('why')}
            disabled={isPending}
          >
            No
          </button>
        </div>
      ) : null}
      {stage === 'why' ? (
        <form onSubmit={submitNo} className="mt-3 space-y-4">
          <fieldset>
            <legend id={ids.reasons} className="text-sm font-medium">
              What went wrong?
            </legend>
            <div className="mt-2 space-y-2">
              {(Object.entries(FEEDBACK_REASONS) as Array<[FeedbackReason, string]>).map(([value, label]) => (
                <label key={value} className="flex items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="reason"
                    value={value}
                    checked={reason === value}
                    onChange={() => setReason(value)}
                    required
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor={ids.comment} className="text-sm font-medium">
              Anything else?{' '}
              <span className="font-normal text-slate-600 dark:text-slate-400">(optional)</span>
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
              {comment.length}/{MAX_FEEDBACK_COMMENT} characters. Please leave out passwords and personal
              details.
            </p>
          </div>
          <div className="flex gap-3">
            <button type="submit" className="btn-primary" disabled={!reason || isPending}>
              Send feedback
            </button>
            <button type="button" className="btn-secondary" onClick={() => setStage('ask')}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {stage === 'thanks' ? (
        <p role="status" className="mt-3 text-sm text-slate-700 dark:text-slate-300">
          Thank you for your feedback. It helps us improve this article.
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
