import 'server-only';
import nodemailer from 'nodemailer';
import { singleLine } from '@/lib/free-text';
import type { Notifier } from './notifier';

/** Message-IDs must be globally unique and stable per notification: the outbox id makes both true. */
export function messageIdFor(idempotencyKey: string): string {
  return `<${idempotencyKey}@greenlight.notifications>`;
}

/**
 * E-mail through SMTP (nodemailer). Plain text only: request messages and reasons are written by
 * people, and a text body cannot carry markup or tracking into anyone's inbox.
 */
export function createSmtpNotifier(options: { url: string; from: string }): Notifier & { close(): void } {
  const transport = nodemailer.createTransport(options.url);
  return {
    channel: 'smtp',
    async send(message) {
      await transport.sendMail({
        from: options.from,
        // Names and titles carry what people typed: one line each, so none can start a header or
        // hide a line break in an encoded word (nodemailer also refuses raw line breaks).
        to: { name: singleLine(message.to.name), address: message.to.email },
        subject: singleLine(message.subject),
        text: message.text,
        messageId: messageIdFor(message.idempotencyKey),
        headers: { 'X-Greenlight-Notification': message.kind },
      });
    },
    close: () => transport.close(),
  };
}
