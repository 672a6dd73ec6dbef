// Stands in for `server-only` under Vitest and scripts, which are not React Server Components.
export {};
