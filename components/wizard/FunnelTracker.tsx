'use client';

import { useEffect } from 'react';
import type { Outcome } from '@/lib/flows/schema';
import { trackFunnelEvent } from './funnel-events';

/** Records that a step was shown (and an outcome reached) once per step view. */
export function FunnelTracker({ flow, node, outcome }: { flow: string; node: string; outcome?: Outcome }) {
  useEffect(() => {
    trackFunnelEvent({ flow, node, kind: 'node_shown' });
    if (outcome) trackFunnelEvent({ flow, node, kind: 'outcome_reached', outcome });
  }, [flow, node, outcome]);
  return null;
}
