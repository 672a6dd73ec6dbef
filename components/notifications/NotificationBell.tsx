'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@/lib/i18n/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { listNotifications, markNotificationsRead } from '@/components/api-client';
import { QueryProvider } from '@/components/query-provider';

const POLL_MS = 30_000;

/**
 * The header's bell, rendered for signed-in people only: admins hear of new requests on their
 * sites, requesters of decisions. A disclosure (button + panel) rather than a menu, so links and
 * "Mark all read" stay plain tab stops.
 */
export function NotificationBell() {
  return (
    <QueryProvider>
      <Bell />
    </QueryProvider>
  );
}

function Bell() {
  const t = useTranslations('Notifications');
  const locale = useLocale();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const { data } = useQuery({
    queryKey: ['notifications', locale],
    // Signed out meanwhile (401) is not an error here: the bell simply is not shown.
    queryFn: () => listNotifications(locale),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    retry: false,
  });
  const mark = useMutation({
    mutationFn: markNotificationsRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  // A failed "mark read" leaves the notifications unread: say so (in the panel, and to screen
  // readers at once) rather than let the badge silently stay.
  const markError = mark.isError ? t('notMarked', { message: mark.error.message }) : null;

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  if (!data) return null;
  const unread = data.unreadCount;
  return (
    <div ref={wrapperRef} className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
        className="relative rounded-md p-2 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-900"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-5 w-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="sr-only">{unread ? t('bellUnread', { count: unread }) : t('bell')}</span>
        {unread ? (
          <span
            aria-hidden="true"
            className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-bold leading-5 text-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        ) : null}
      </button>
      {markError && !open ? (
        <p role="alert" className="sr-only">
          {markError}
        </p>
      ) : null}
      {open ? (
        <div
          id={panelId}
          role="region"
          aria-label={t('bell')}
          className="absolute right-0 z-40 mt-2 w-[min(22rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-700">
            <h2 className="text-sm font-semibold text-slate-900 dark:text-white">{t('bell')}</h2>
            <button
              type="button"
              className="text-sm font-medium text-brand-700 underline disabled:opacity-60 dark:text-brand-500"
              disabled={!unread || mark.isPending}
              onClick={() => mark.mutate({ all: true })}
            >
              {t('markAllRead')}
            </button>
          </div>
          {markError ? (
            <p
              role="alert"
              className="border-b border-slate-200 px-4 py-2 text-sm text-red-700 dark:border-slate-700 dark:text-red-400"
            >
              {markError}
            </p>
          ) : null}
          {data.notifications.length ? (
            <ul className="max-h-96 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-800">
              {data.notifications.map((notification) => (
                <li key={notification.id}>
                  <Link
                    href={notification.href}
                    onClick={() => {
                      if (!notification.read) mark.mutate({ ids: [notification.id] });
                      setOpen(false);
                    }}
                    className="block px-4 py-3 text-sm hover:bg-slate-50 dark:hover:bg-slate-800"
                  >
                    <span
                      className={`block ${notification.read ? 'text-slate-700 dark:text-slate-300' : 'font-semibold text-slate-900 dark:text-white'}`}
                    >
                      {notification.read ? null : <span className="sr-only">{t('unread')}</span>}
                      {notification.title}
                    </span>
                    <time
                      dateTime={notification.createdAt}
                      className="block text-xs text-slate-600 dark:text-slate-400"
                    >
                      {new Date(notification.createdAt).toLocaleString(locale)}
                    </time>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="px-4 py-3 text-sm text-slate-700 dark:text-slate-300">{t('empty')}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
