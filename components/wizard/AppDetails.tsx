import type { FactApp } from '@/lib/flows/facts';

/** What the admin looks for in Connected apps: the app's name, vendor and the scopes it asks for. */
export function AppDetails({ app }: { app: FactApp }) {
  return (
    <section
      aria-labelledby="app-details-title"
      className="space-y-2 rounded-md border border-slate-200 p-4 dark:border-slate-700"
    >
      <h3 id="app-details-title" className="font-semibold">
        Look for {app.name}
        {app.vendor ? (
          <span className="font-normal text-slate-600 dark:text-slate-400"> by {app.vendor}</span>
        ) : null}
      </h3>
      {app.scopes.length > 0 ? (
        <>
          <p className="text-sm">It asks for these scopes:</p>
          <ul className="flex flex-wrap gap-2">
            {app.scopes.map((scope) => (
              <li key={scope}>
                <code className="rounded bg-slate-100 px-2 py-0.5 text-sm dark:bg-slate-800">{scope}</code>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm">Greenlight has no scope list for this app.</p>
      )}
    </section>
  );
}
