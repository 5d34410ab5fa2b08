// Opens the portal database: PostgreSQL when a URL is given, otherwise PGlite in-process, then migrates.
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema';

export type PortalSchema = typeof schema;
/** The drizzle database both drivers give; services take this and never know which one it is. */
export type PortalDb = PgDatabase<PgQueryResultHKT, PortalSchema>;

export type PortalStorage =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir: a folder (kept between runs) or undefined for an in-memory database (tests). */
  | { kind: 'pglite'; dataDir?: string };

export interface PortalDatabase {
  db: PortalDb;
  kind: PortalStorage['kind'];
  close(): Promise<void>;
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openPortalDatabase(storage: PortalStorage): Promise<PortalDatabase> {
  if (storage.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: storage.url, max: storage.poolSize ?? 10 });
    // A dropped idle connection must not crash the server; the pool replaces it.
    pool.on('error', () => {});
    const db = drizzleNodePg({ client: pool, schema });
    try {
      await migrateNodePg(db, { migrationsFolder });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return { db: db as unknown as PortalDb, kind: 'postgres', close: () => pool.end() };
  }
  const client = storage.dataDir ? new PGlite(storage.dataDir) : new PGlite();
  const db = drizzlePglite({ client, schema });
  try {
    await migratePglite(db, { migrationsFolder });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { db: db as unknown as PortalDb, kind: 'pglite', close: () => client.close() };
}
