'use client';

import * as Dialog from '@radix-ui/react-dialog';
import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';

/**
 * Asks for the reason before denying: the requester sees it, so a denial always says why.
 * Radix Dialog traps focus, closes on Escape and gives focus back to the button that opened it.
 */
export function DenyDialog({
  open,
  onOpenChange,
  count,
  pending,
  onDeny,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  count: number;
  pending: boolean;
  onDeny: (reason: string) => void;
}) {
  const t = useTranslations('Inbox.denyDialog');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const fieldId = useId();
  const errorId = useId();
  const missing = reason.trim() === '';
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setReason('');
          setTouched(false);
        }
        onOpenChange(next);
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-950/50" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg border border-slate-200 bg-white p-6 shadow-xl dark:border-slate-700 dark:bg-slate-900">
          <Dialog.Title className="text-lg font-semibold text-slate-900 dark:text-white">
            {t('title', { count })}
          </Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {t('description', { count })}
          </Dialog.Description>
          <form
            className="mt-4 space-y-3"
            onSubmit={(event) => {
              event.preventDefault();
              setTouched(true);
              if (!missing) onDeny(reason.trim());
            }}
          >
            <label htmlFor={fieldId} className="block text-sm font-medium">
              {t('reason')}
            </label>
            <textarea
              id={fieldId}
              className="input min-h-24"
              maxLength={1000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              aria-invalid={touched && missing}
              aria-describedby={touched && missing ? errorId : undefined}
              aria-required="true"
            />
            {touched && missing ? (
              <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
                {t('reasonMissing')}
              </p>
            ) : null}
            <div className="flex justify-end gap-3">
              <Dialog.Close asChild>
                <button type="button" className="btn-secondary">
                  {t('cancel')}
                </button>
              </Dialog.Close>
              <button type="submit" className="btn bg-red-700 text-white hover:bg-red-800" disabled={pending}>
                {pending ? t('pending') : t('submit', { count })}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
