import { defineConfig } from 'drizzle-kit';

// Used only to generate SQL migrations from lib/db/schema.ts (`npx drizzle-kit generate`);
// the app applies them itself on start (lib/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './lib/db/schema.ts',
  out: './drizzle',
});
