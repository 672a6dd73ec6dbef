'use client';

import dynamic from 'next/dynamic';

/**
 * The bell's code (and react-query with it) loads only when a signed-in page renders this: every
 * client component the root layout imports directly ships with every page, the bell included,
 * although signed-out readers never see one. Not rendered on the server, as it shows nothing
 * until the browser has fetched the notifications anyway.
 */
export const LazyNotificationBell = dynamic(
  () => import('./NotificationBell').then((module) => module.NotificationBell),
  {
    ssr: false,
  },
);
