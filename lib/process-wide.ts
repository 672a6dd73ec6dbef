/**
 * One value per server process, kept on globalThis. Next.js bundles each route (and
 * instrumentation.ts) separately, each with its own copy of a module's top-level variables; a
 * value read once per process, or warmed at start-up for every route, has to live here instead.
 */
const holder = globalThis as typeof globalThis & { __greenlightProcessWide?: Map<string, unknown> };

export function processWide<T>(key: string, make: () => T): T {
  const values = (holder.__greenlightProcessWide ??= new Map());
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as T;
}
