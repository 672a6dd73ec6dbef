'use client';

import { useEffect, useRef, type ReactNode } from 'react';

// False until the first step has been shown: a fresh page load keeps the browser's own focus
// (and the skip link); every later step moves focus to its heading so screen readers announce it.
let shownOnce = false;

/** The step's heading; remounted per step (keyed by node id), it takes focus when the step changes. */
export function StepHeading({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (shownOnce) heading.current?.focus();
    shownOnce = true;
  }, []);
  return (
    <h2
      ref={heading}
      id="step-heading"
      tabIndex={-1}
      className="text-2xl font-semibold tracking-tight focus:outline-none"
    >
      {children}
    </h2>
  );
}
