// drizzle-kit: generates the portal's PostgreSQL migrations from portal/src/db/schema.ts.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './portal/src/db/schema.ts',
  out: './portal/src/db/migrations',
});
