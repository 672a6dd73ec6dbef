import { singleLine } from '@/lib/free-text';

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

/**
 * Words for each kind of notification. Pure, so the bell and the e-mail say the same thing. The
 * title is one line whatever the names in it hold (they come from people and Atlassian profiles).
 */
export function describeNotification(
  kind: string,
  payload: Record<string, unknown>,
  subject: NotificationSubject,
  now: Date,
): NotificationText {
  const text = describe(kind, payload, subject, now);
  return { ...text, title: singleLine(text.title) };
}

function describe(
  kind: string,
  payload: Record<string, unknown>,
  subject: NotificationSubject,
  now: Date,
): NotificationText {
  const on = `${subject.appName} on ${subject.siteName}`;
  const reason = typeof payload.reason === 'string' ? payload.reason : subject.reason;
  switch (kind) {
    case 'access_request.created':
      return {
        title: `${subject.requesterName} asks for ${on}`,
        body: subject.message ? `Their message:\n\n${subject.message}` : 'They left no message.',
        href: adminHref(subject),
      };
    case 'access_request.routed':
      return {
        title: `${subject.requesterName} asks for ${on}: Greenlight knows no admin of this site`,
        body: [
          `You receive this because Greenlight is set to send you requests for ${siteHost(subject.siteUrl)} while it knows no admin of the site.`,
          subject.message ? `Their message:\n\n${subject.message}` : 'They left no message.',
          'A site admin can authorize the app in Atlassian administration, or sign in to Greenlight and decide the request: it waits in their inbox.',
        ].join('\n\n'),
        href: adminHref(subject),
      };
    case 'access_request.auto_approved':
      return {
        title: `${subject.appName} was approved at once for ${subject.requesterName} on ${subject.siteName} (pre-approved)`,
        body: 'The app is pre-approved on this site, so the request needed no decision.',
        href: adminHref(subject),
      };
    case 'access_request.reminder':
      return {
        title: `Reminder: ${subject.requesterName} has waited ${daysBetween(subject.createdAt, now)} days for ${on}`,
        body: 'The request is still open. Approve or deny it so they know where they stand.',
        href: adminHref(subject),
      };
    case 'access_request.approved':
      return {
        title: `Your request for ${on} was approved`,
        body: `${subject.deciderName ? `${subject.deciderName} authorized it.` : 'It is authorized.'} Connect the app again.`,
        href: requesterHref(subject),
      };
    case 'access_request.denied':
      return {
        title: `Your request for ${on} was declined`,
        body: reason ? `Reason given: ${reason}` : 'No reason was given.',
        href: requesterHref(subject),
      };
    case 'access_request.expired':
      return {
        title: `Your request for ${on} expired`,
        body: `No site admin decided on it within ${typeof payload.expiryDays === 'number' ? payload.expiryDays : 'the allowed'} days. You can ask again, or contact a site admin directly.`,
        href: requesterHref(subject),
      };
    default:
      return { title: `Update on ${on}`, body: '', href: requesterHref(subject) };
  }
}
