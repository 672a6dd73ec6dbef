import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-slate-200 dark:border-slate-800">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:justify-between dark:text-slate-400">
        <p>
          Greenlight: help for the &ldquo;Your site admin must authorize this app&rdquo; error in Atlassian
          Cloud.
        </p>
        <nav aria-label="Footer" className="flex gap-4">
          <Link href="/articles" className="hover:underline">
            All articles
          </Link>
          <Link href="/troubleshoot/authorize-app" className="hover:underline">
            Troubleshooter
          </Link>
        </nav>
      </div>
    </footer>
  );
}
