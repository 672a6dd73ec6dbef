'use client';

import clsx from 'clsx';
import { Link } from '@/lib/i18n/navigation';
import type { ReactNode } from 'react';
import { trackFunnelEvent } from './funnel-events';

/** A plain link to the next step (works without JavaScript) that also records the choice. */
export function ChoiceLink({
  href,
  flow,
  node,
  choice,
  primary = false,
  children,
}: {
  href: string;
  flow: string;
  node: string;
  choice: string;
  primary?: boolean;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      scroll={false}
      className={clsx(primary ? 'btn-primary' : 'btn-secondary', 'w-full justify-start text-left sm:w-auto')}
      onClick={() => trackFunnelEvent({ flow, node, kind: 'choice_made', choice })}
    >
      {children}
    </Link>
  );
}
