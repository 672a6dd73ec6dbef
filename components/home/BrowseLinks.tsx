import { useTranslations } from 'next-intl';
import { AUDIENCE_LABEL_KEYS, PRODUCT_LABEL_KEYS } from '@/components/article/labels';
import { Link } from '@/lib/i18n/navigation';
import type { Audience, Product } from '@/lib/content/schema';

export function BrowseLinks({
  products,
  audiences,
}: {
  products: Partial<Record<Product, number>>;
  audiences: Partial<Record<Audience, number>>;
}) {
  const t = useTranslations('Home');
  const label = useTranslations();
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <section aria-labelledby="browse-product" className="card">
        <h2 id="browse-product" className="font-semibold">
          {t('browseByProduct')}
        </h2>
        <ul className="mt-3 space-y-2">
          {(Object.entries(products) as Array<[Product, number]>).map(([product, count]) => (
            <li key={product}>
              <Link
                href={`/articles?product=${product}`}
                className="text-brand-700 hover:underline dark:text-brand-500"
              >
                {label(PRODUCT_LABEL_KEYS[product])}
              </Link>{' '}
              <span className="text-sm text-slate-600 dark:text-slate-400">({count})</span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="browse-audience" className="card">
        <h2 id="browse-audience" className="font-semibold">
          {t('browseByRole')}
        </h2>
        <ul className="mt-3 space-y-2">
          {(Object.entries(audiences) as Array<[Audience, number]>).map(([audience, count]) => (
            <li key={audience}>
              <Link
                href={`/articles?audience=${audience}`}
                className="text-brand-700 hover:underline dark:text-brand-500"
              >
                {label(AUDIENCE_LABEL_KEYS[audience])}
              </Link>{' '}
              <span className="text-sm text-slate-600 dark:text-slate-400">({count})</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
