import 'server-only';
import { getConfig } from '@/lib/config';
import { inAppOnlyNotifier, type Notifier } from './notifier';
import { createSmtpNotifier } from './smtp-notifier';

let cached: Notifier | undefined;

/** SMTP when SMTP_URL is set; otherwise notifications live in the bell only. */
export function getConfiguredNotifier(): Notifier {
  if (!cached) {
    const config = getConfig();
    cached = config.SMTP_URL
      ? createSmtpNotifier({ url: config.SMTP_URL, from: config.SMTP_FROM })
      : inAppOnlyNotifier;
  }
  return cached;
}
