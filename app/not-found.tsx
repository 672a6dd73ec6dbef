import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import './globals.css';

// A path the proxy never sees (one with a file extension) and no file matches: no language is
// known, so the page is in English, the default, with a link home. Next's own Link, not
// next-intl's: the latter asks the request for its language, which a page prerendered at build
// time cannot do (this page is part of every page's payload).
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
