'use client';

import { Link } from '@/lib/i18n/navigation';
import type { ReactNode } from 'react';
import { sendSearchEvent } from '@/components/api-client';
import { splitLocalePath } from '@/lib/i18n/paths';

/**
 * A result on the results page: opening it reports which article was opened for which query (the
 * usage signal; a vote on the article afterwards counts for it), by the same same-origin POST as
 * the search log. Middle-clicks and new tabs count too.
 */
export function SearchResultLink({
  q,
  slug,
  href,
  className,
  children,
}: {
  q: string;
  slug: string;
  href: string;
  className?: string;
  children: ReactNode;
}) {
  const report = () => sendSearchEvent({ kind: 'open', q, slug });
  return (
    // In the reader's language (Link adds it): an untranslated article shows in English there, with a notice.
    <Link href={splitLocalePath(href).path} className={className} onClick={report} onAuxClick={report}>
      {children}
    </Link>
  );
}
