import { singleLine } from '@/lib/free-text';
import { DEFAULT_LOCALE, type Locale } from '@/lib/i18n/locales';
import { translatorFor, type Translator } from '@/lib/i18n/translator';

/** What a notification is about, loaded from its access request (names, not ids). */
export interface NotificationSubject {
  requestId: string;
  siteName: string;
  siteUrl: string;
  appName: string;
  requesterName: string;
  message: string | null;
  reason: string | null;
  deciderName: string | null;
  createdAt: Date;
}

export interface NotificationText {
  /** One line for the bell and the e-mail subject. */
  title: string;
  /** The rest of the e-mail body (plain text). */
  body: string;
  /** Where to act on it, as a path inside Greenlight. */
  href: string;
}

const siteHost = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/** The troubleshooter picks up where the requester left off: it shows the request's outcome. */
const requesterHref = (subject: NotificationSubject) =>
  `/troubleshoot/authorize-app?site=${encodeURIComponent(siteHost(subject.siteUrl))}&app=${encodeURIComponent(subject.appName)}`;

const adminHref = (subject: NotificationSubject) => `/admin/requests/${subject.requestId}`;

const daysBetween = (from: Date, to: Date) =>
  Math.max(1, Math.round((to.getTime() - from.getTime()) / 86_400_000));

/** The error the requester met, quoted as Atlassian shows it (in English: see the request's fixed parts). */
export const AUTHORIZATION_ERROR = 'Your site admin must authorize this app';

/**
 * What an admin needs to act on a request, whatever language the requester wrote in: the app,
 * the site, the error and what to do, in the reader's language; the requester's message exactly
 * as written, introduced as such.
 */
export function describeRequestFixedParts(subject: NotificationSubject, t: Translator): string {
  return [
    `${t('Requests.app')}: ${subject.appName}`,
    `${t('Requests.site')}: ${subject.siteName} (${siteHost(subject.siteUrl)})`,
    `${t('Requests.error')}: “${AUTHORIZATION_ERROR}”`,
    `${t('Requests.whatToDo')}: ${t('Requests.whatToDoText', { site: subject.siteName })}`,
  ].join('\n');
}

function requesterMessage(subject: NotificationSubject, t: Translator): string {
  return subject.message ? `${t('Email.messageIntro')}\n\n${subject.message}` : t('Email.noMessage');
}

/**
 * Words for each kind of notification, in the reader's language (`locale`: the recipient's stored
 * one for e-mail, the page's for the bell). Pure, so the bell and the e-mail say the same thing.
 * The title is one line whatever the names in it hold (they come from people and Atlassian profiles).
 */
export function describeNotification(
  kind: string,
  payload: Record<string, unknown>,
  subject: NotificationSubject,
  now: Date,
  locale: Locale = DEFAULT_LOCALE,
): NotificationText {
  const text = describe(kind, payload, subject, now, translatorFor(locale));
  return { ...text, title: singleLine(text.title) };
}

function describe(
  kind: string,
  payload: Record<string, unknown>,
  subject: NotificationSubject,
  now: Date,
  t: Translator,
): NotificationText {
  const names = { app: subject.appName, site: subject.siteName, requester: subject.requesterName };
  const reason = typeof payload.reason === 'string' ? payload.reason : subject.reason;
  switch (kind) {
    case 'access_request.created':
      return {
        title: t('Notifications.created', names),
        body: [describeRequestFixedParts(subject, t), requesterMessage(subject, t)].join('\n\n'),
        href: adminHref(subject),
      };
    case 'access_request.routed':
      return {
        title: t('Notifications.routed', names),
        body: [
          t('Email.routedWhy', { host: siteHost(subject.siteUrl) }),
          describeRequestFixedParts(subject, t),
          requesterMessage(subject, t),
          t('Email.routedWhatToDo'),
        ].join('\n\n'),
        href: adminHref(subject),
      };
    case 'access_request.auto_approved':
      return {
        title: t('Notifications.autoApproved', names),
        body: t('Email.autoApproved'),
        href: adminHref(subject),
      };
    case 'access_request.reminder':
      return {
        title: t('Notifications.reminder', { ...names, days: daysBetween(subject.createdAt, now) }),
        body: [t('Email.reminder'), describeRequestFixedParts(subject, t), requesterMessage(subject, t)].join(
          '\n\n',
        ),
        href: adminHref(subject),
      };
    case 'access_request.approved':
      return {
        title: t('Notifications.approved', names),
        body: subject.deciderName
          ? t('Email.approvedBy', { name: subject.deciderName })
          : t('Email.approved'),
        href: requesterHref(subject),
      };
    case 'access_request.denied':
      return {
        title: t('Notifications.denied', names),
        body: reason ? `${t('Email.reason')}\n\n${reason}` : t('Email.noReason'),
        href: requesterHref(subject),
      };
    case 'access_request.expired':
      return {
        title: t('Notifications.expired', names),
        body: t('Email.expired', {
          days:
            typeof payload.expiryDays === 'number' ? payload.expiryDays : daysBetween(subject.createdAt, now),
        }),
        href: requesterHref(subject),
      };
    default:
      return { title: t('Notifications.update', names), body: '', href: requesterHref(subject) };
  }
}
