import type { AccessRequestStatus } from '@/lib/requests/access-request-dto';

/** Each status's label in the catalog, for a root translator (`useTranslations()`): status codes are stored, words rendered. */
export const STATUS_MESSAGE = {
  open: 'Requests.status.open',
  approved: 'Requests.status.approved',
  denied: 'Requests.status.denied',
  withdrawn: 'Requests.status.withdrawn',
  expired: 'Requests.status.expired',
} as const satisfies Record<AccessRequestStatus, string>;
