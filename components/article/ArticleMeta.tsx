import { useTranslations } from 'next-intl';
import type { Product } from '@/lib/content/schema';
import { PRODUCT_LABEL_KEYS } from './labels';

export function ProductBadges({ products }: { products: Product[] }) {
  const t = useTranslations('Article');
  const label = useTranslations();
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t('products')}>
      {products.map((product) => (
        <li
          key={product}
          className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300"
        >
          {label(PRODUCT_LABEL_KEYS[product])}
        </li>
      ))}
    </ul>
  );
}
