import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';
import ja from '@/messages/ja.json';
import type { InsightsDataset } from '@/lib/insights/insights-datasets';
import { localizeDataset } from './localize-dataset';

const CATALOGS = { en, de, ja };
function localize(locale: keyof typeof CATALOGS, dataset: InsightsDataset) {
  const t = createTranslator({ locale, messages: CATALOGS[locale] } as never) as (key: string) => string;
  return localizeDataset(dataset, t, createFormatter({ locale, timeZone: 'UTC' }));
}

const endings: InsightsDataset = {
  id: 'funnel-endings',
  title: 'How troubleshooter visits end',
  columns: ['Flow', 'Ending', 'Visits'],
  rows: [
    ['authorize-app', 'resolved', 1234],
    ['authorize-app', 'in progress', 2],
    ['authorize-app', 'some-new-ending', 0],
  ],
};

describe('localizeDataset', () => {
  it('keeps English as the CSV has it, numbers grouped and aligned right', () => {
    const table = localize('en', endings);
    expect(table.columns).toEqual(['Flow', 'Ending', 'Visits']);
    expect(table.numeric).toEqual([false, false, true]);
    expect(table.rows[0]).toEqual(['authorize-app', 'resolved', '1,234']);
    expect(table.rows[1]![1]).toBe('in progress');
  });

  it('names codes, formats numbers and dates in German and Japanese; an unknown code stays as it is', () => {
    const table = localize('de', endings);
    expect(table.columns).toEqual(['Ablauf', 'Ende', 'Besuche']);
    expect(table.rows.map((row) => row.slice(1))).toEqual([
      ['gelöst', '1.234'],
      ['läuft noch', '2'],
      ['some-new-ending', '0'],
    ]);
    const decisions = localize('ja', {
      id: 'request-decisions',
      title: 'Access request decisions',
      columns: [],
      rows: [['2026-03-14 09:05', 'acme', 'DocuFlow', 'denied', '2026-03-13 22:00', 11.1]],
    });
    expect(decisions.rows[0]).toEqual([
      '2026/03/14 9:05',
      'acme',
      'DocuFlow',
      '拒否',
      '2026/03/13 22:00',
      '11.1',
    ]);
    const perDay = localize('de', {
      id: 'searches-by-day',
      title: '',
      columns: [],
      rows: [['2025-01-03', 5, null]],
    });
    expect(perDay.rows[0]).toEqual(['03.01.2025', '5', null]);
  });

  it('names a no-vote reason in the reader’s language from its English label', () => {
    const reasons = localize('de', {
      id: 'no-vote-reasons',
      title: '',
      columns: [],
      rows: [['Something is wrong or out of date', 3]],
    });
    expect(reasons.rows[0]).toEqual(['Etwas ist falsch oder veraltet', '3']);
  });
});
