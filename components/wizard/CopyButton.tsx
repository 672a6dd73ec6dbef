'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/** Copies text to the clipboard and says so in a live region. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useTranslations('Wizard');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span className="inline-flex items-center gap-3">
      <button type="button" className="btn-secondary" onClick={copy}>
        {label ?? t('copyMessage')}
      </button>
      <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </span>
  );
}
