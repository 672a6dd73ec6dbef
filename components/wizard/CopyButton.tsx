'use client';

import { useState } from 'react';

/** Copies text to the clipboard and says so in a live region. */
export function CopyButton({ text, label = 'Copy message' }: { text: string; label?: string }) {
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
        {label}
      </button>
      <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {state === 'copied'
          ? 'Copied.'
          : state === 'failed'
            ? 'Copy failed: select the text and copy it yourself.'
            : ''}
      </span>
    </span>
  );
}
