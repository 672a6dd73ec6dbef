/**
 * The Notifier port: how a notification leaves Greenlight. The outbox row itself is the in-app
 * notification (the bell reads it), so the port only covers channels outside the app.
 */
export interface NotificationMessage {
  /** The outbox row id: stable across retries, so it doubles as the e-mail's Message-ID. */
  idempotencyKey: string;
  kind: string;
  to: { name: string; email: string };
  subject: string;
  text: string;
}

export interface Notifier {
  readonly channel: 'in-app' | 'smtp';
  /** Resolves when the message was accepted; throws to have the outbox retry it later. */
  send(message: NotificationMessage): Promise<void>;
}

/** Without SMTP the bell is the only channel: delivery simply records that there is nothing else to do. */
export const inAppOnlyNotifier: Notifier = {
  channel: 'in-app',
  send: async () => undefined,
};
