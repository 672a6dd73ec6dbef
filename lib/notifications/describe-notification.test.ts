import { describe, expect, it } from 'vitest';
import { AUTHORIZATION_ERROR, describeNotification, type NotificationSubject } from './describe-notification';

const now = new Date('2030-01-10T12:00:00Z');
// A requester browsing in Japanese wrote their own message; the reader may read another language.
const subject: NotificationSubject = {
  requestId: '0b5d7c1e-1111-4222-8333-944455556666',
  siteName: 'Acme',
  siteUrl: 'https://acme.atlassian.net',
  appName: 'DocuFlow',
  requesterName: '山田 花子',
  message: 'DocuFlow を Jira につなげたいです。\nよろしくお願いします。',
  reason: null,
  deciderName: null,
  createdAt: new Date('2030-01-07T12:00:00Z'),
};

const created = (locale: 'en' | 'de' | 'ja') =>
  describeNotification('access_request.created', { requestId: subject.requestId }, subject, now, locale);

describe('a new request as its admin reads it', () => {
  it('names the app, site, error and what to do in English for an English reader', () => {
    const text = created('en');
    expect(text.title).toBe('山田 花子 asks for DocuFlow on Acme');
    expect(text.body).toContain('App: DocuFlow');
    expect(text.body).toContain('Site: Acme (acme.atlassian.net)');
    expect(text.body).toContain(`Error they saw: “${AUTHORIZATION_ERROR}”`);
    expect(text.body).toContain('Atlassian Administration → Apps → Sites → Acme → Connected apps');
    expect(text.href).toBe(`/admin/requests/${subject.requestId}`);
  });

  it('in German for a German reader, naming Atlassian’s menus as the German articles do', () => {
    const text = created('de');
    expect(text.title).toBe('山田 花子 bittet um DocuFlow auf Acme');
    expect(text.body).toContain('Angezeigter Fehler:');
    expect(text.body).toContain('Was zu tun ist: Genehmigen oder lehnen Sie die Anfrage in Greenlight ab.');
    expect(text.body).toContain('Atlassian Administration → Apps → Sites → Acme → Connected apps');
    expect(text.body).not.toContain('Error they saw');
  });

  it('in Japanese for a Japanese reader, with Atlassian’s Japanese menu names', () => {
    const text = created('ja');
    expect(text.title).toBe('山田 花子 さんから Acme の DocuFlow の承認依頼が届きました');
    expect(text.body).toContain('アプリ: DocuFlow');
    expect(text.body).toContain('アトラシアンの管理で [アプリ] → Sites → Acme → [接続中のアプリ]');
  });

  it('keeps the requester’s message exactly as written in every language', () => {
    for (const locale of ['en', 'de', 'ja'] as const) {
      expect(created(locale).body.endsWith(`\n\n${subject.message}`)).toBe(true);
    }
  });

  it('says there is no message in the reader’s language', () => {
    const silent = { ...subject, message: null };
    const text = describeNotification('access_request.created', {}, silent, now, 'de');
    expect(text.body).toContain('Es wurde keine Nachricht hinterlassen.');
  });
});

describe('what the requester hears back, in their language', () => {
  it('words a reminder’s wait with the language’s plural', () => {
    expect(describeNotification('access_request.reminder', {}, subject, now, 'en').title).toBe(
      'Reminder: 山田 花子 has waited 3 days for DocuFlow on Acme',
    );
    const oneDay = { ...subject, createdAt: new Date('2030-01-09T12:00:00Z') };
    expect(describeNotification('access_request.reminder', {}, oneDay, now, 'de').title).toBe(
      'Erinnerung: 山田 花子 wartet seit 1 Tag auf DocuFlow auf Acme',
    );
  });

  it('gives a denial in the requester’s language with the admin’s reason as written', () => {
    const text = describeNotification(
      'access_request.denied',
      { reason: 'Please use the approved app instead.' },
      subject,
      now,
      'ja',
    );
    expect(text.title).toBe('Acme の DocuFlow の依頼は却下されました');
    expect(text.body).toBe('却下の理由 (原文のまま):\n\nPlease use the approved app instead.');
  });

  it('keeps the title on one line whatever a name holds', () => {
    const sneaky = { ...subject, requesterName: 'Nora\nBcc: x@evil.test' };
    expect(describeNotification('access_request.created', {}, sneaky, now, 'ja').title).not.toContain('\n');
  });
});
