import type { SearchLearningChange } from '@/lib/search/usage-insights';
import { HALF_LIFE_DAYS, MIN_VISITORS, USAGE_BOOST_CAP } from '@/lib/search/usage-signal';

const place = (rank: number | null) => (rank === null ? 'below 20' : `#${rank}`);
const signed = (share: number) => `${share > 0 ? '+' : '−'}${Math.round(Math.abs(share) * 100)} %`;

/** Which query families the usage signal changed: the query, the article, by how much, from how many visitors. */
export function SearchLearningPanel({ changes }: { changes: SearchLearningChange[] }) {
  return (
    <section className="card space-y-3" aria-labelledby="search-learning-heading">
      <h3 id="search-learning-heading" className="font-semibold">
        What search learned from use
      </h3>
      <p className="max-w-3xl text-sm text-slate-600 dark:text-slate-400">
        When people open a search result and then vote the article helpful (or not), that article moves up (or
        down) for the same question asked in other words. It takes at least {MIN_VISITORS} different visitors,
        never changes a score by more than {Math.round(USAGE_BOOST_CAP * 100)} %, and each say counts half as
        much after {HALF_LIFE_DAYS} days.
      </p>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          Nothing yet: no question has been answered by enough visitors to change the ranking.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Query
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Article
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Score
                </th>
                <th scope="col" className="py-1 pr-4 text-right font-medium">
                  Place
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Visitors (helpful / not)
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {changes.map((change) => (
                <tr key={`${change.family}|${change.slug}`}>
                  <td className="py-1.5 pr-4">
                    {change.query}
                    <span className="block text-xs text-slate-500 dark:text-slate-400">
                      family: {change.family}
                    </span>
                  </td>
                  <td className="py-1.5 pr-4">{change.title}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">{signed(change.boost)}</td>
                  <td className="py-1.5 pr-4 text-right tabular-nums">
                    {place(change.rankBefore)} → {place(change.rankAfter)}
                  </td>
                  <td className="py-1.5 text-right tabular-nums">
                    {change.visitors} ({change.helpful} / {change.notHelpful})
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
