import type { ReactNode } from 'react';

/** Numbered steps: the article's ordered list, drawn as a vertical track of numbered circles. */
export function Steps({ children }: { children: ReactNode }) {
  return <div className="steps my-6">{children}</div>;
}
