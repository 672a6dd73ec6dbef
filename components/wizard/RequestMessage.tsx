'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { CopyButton } from './CopyButton';

/** A ready message for the site admin: editable, copyable; readable even without JavaScript. */
export function RequestMessage({
  initialText,
  label,
  onChange,
}: {
  initialText: string;
  label?: string;
  onChange?: (text: string) => void;
}) {
  const t = useTranslations('RequestForm');
  const [text, setText] = useState(initialText);
  const id = useId();
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label ?? t('messageLabel')}
      </label>
      <textarea
        id={id}
        className="input font-mono text-sm"
        rows={9}
        maxLength={1000}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange?.(event.target.value);
        }}
      />
      <CopyButton text={text} />
    </div>
  );
}
