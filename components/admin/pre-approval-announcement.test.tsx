import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import { preApprovalAnnouncement, type Translate } from './pre-approval-announcement';

const translator = (locale: string, messages: Record<string, unknown>) =>
  createTranslator({ locale, messages } as never) as unknown as Translate;

describe('preApprovalAnnouncement', () => {
  it('tells how many open requests adding the app approved, in words that fit the number', () => {
    const t = translator('en', en);
    const added = (approvedRequests: number) =>
      preApprovalAnnouncement(t, { app: 'DocuFlow', site: 'acme', added: true, approvedRequests });
    expect(added(2)).toBe('DocuFlow is pre-approved on acme. 2 open requests were approved.');
    expect(added(1)).toBe('DocuFlow is pre-approved on acme. 1 open request was approved.');
    expect(added(0)).toBe('DocuFlow is pre-approved on acme. No open request was waiting for it.');
    expect(preApprovalAnnouncement(t, { app: 'DocuFlow', site: 'acme', added: false })).toBe(
      'DocuFlow is no longer pre-approved on acme.',
    );
  });

  it('says the same in German and Japanese, with the app and site named', () => {
    const inGerman = translator('de', de);
    expect(
      preApprovalAnnouncement(inGerman, { app: 'DocuFlow', site: 'acme', added: true, approvedRequests: 1 }),
    ).toBe('DocuFlow ist auf acme vorab genehmigt. 1 offene Anfrage wurde genehmigt.');
    expect(
      preApprovalAnnouncement(inGerman, { app: 'DocuFlow', site: 'acme', added: true, approvedRequests: 3 }),
    ).toBe('DocuFlow ist auf acme vorab genehmigt. 3 offene Anfragen wurden genehmigt.');
    const inJapanese = translator('ja', ja);
    expect(
      preApprovalAnnouncement(inJapanese, {
        app: 'DocuFlow',
        site: 'acme',
        added: true,
        approvedRequests: 0,
      }),
    ).toBe('DocuFlow を acme で事前承認しました。承認待ちのリクエストはありませんでした。');
  });
});
