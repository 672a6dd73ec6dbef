import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="text-slate-700 dark:text-slate-300">
        The page you asked for does not exist or you do not have access to it.
      </p>
      <p className="flex justify-center gap-3">
        <Link href="/" className="btn-primary">
          Go to the help center
        </Link>
        <Link href="/troubleshoot/authorize-app" className="btn-secondary">
          Start the troubleshooter
        </Link>
      </p>
    </div>
  );
}
