import { PRODUCT_LABELS, type Product } from '@/lib/content/schema';

export function formatDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function ProductBadges({ products }: { products: Product[] }) {
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Products">
      {products.map((product) => (
        <li
          key={product}
          className="rounded-full bg-slate-100 px-2.5 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300"
        >
          {PRODUCT_LABELS[product]}
        </li>
      ))}
    </ul>
  );
}
