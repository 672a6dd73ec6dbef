import { getTranslations } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import './globals.css';

// A path the proxy never sees (one with a file extension) and no file matches: no language is
// known, so the page is in English, the default, with a link home.
export default async function RootNotFound() {
  const t = await getTranslations({ locale: 'en', namespace: 'NotFound' });
  return (
    <html lang="en">
      <body className="font-sans">
        <main className="mx-auto max-w-xl space-y-4 px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">{t('title')}</h1>
          <p>
            <Link href="/" className="btn-primary">
              {t('home')}
            </Link>
          </p>
        </main>
      </body>
    </html>
  );
}
