import { useFormatter, useTranslations } from 'next-intl';
import type { SearchLearningChange } from '@/lib/search/usage-insights';
import { HALF_LIFE_DAYS, MIN_VISITORS, USAGE_BOOST_CAP } from '@/lib/search/usage-signal';

/** Which query families the usage signal changed: the query, the article, by how much, from how many visitors. */
export function SearchLearningPanel({ changes }: { changes: SearchLearningChange[] }) {
  const t = useTranslations('Insights');
  const format = useFormatter();
  const place = (rank: number | null) =>
    rank === null ? t('learning.below', { rank: 20 }) : t('learning.place', { rank });
  const signed = (share: number) =>
    format.number(Math.round(share * 100) / 100, { style: 'percent', signDisplay: 'exceptZero' });
  return (
    <section className="card space-y-3" aria-labelledby="search-learning-heading">
      <h3 id="search-learning-heading" className="font-semibold">
        {t('learning.title')}
      </h3>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        {t('learning.lead', {
          visitors: MIN_VISITORS,
          cap: format.number(USAGE_BOOST_CAP, { style: 'percent' }),
          days: HALF_LIFE_DAYS,
        })}
      </p>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">{t('learning.nothing')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t('columns.query')}
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  {t('columns.article')}
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  {t('learning.score')}
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  {t('learning.placeColumn')}
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  {t('learning.visitors')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {changes.map((change) => (
                <tr key={`${change.family}|${change.slug}`}>
                  <td className="py-1.5 pr-4">
                    {change.query}
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      {t('learning.family', { family: change.family })}
                    </span>
                  </td>
                  <td className="py-1.5 pr-4">{change.title}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{signed(change.boost)}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">
                    {place(change.rankBefore)} → {place(change.rankAfter)}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {format.number(change.visitors)} ({format.number(change.helpful)} /{' '}
                    {format.number(change.notHelpful)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
