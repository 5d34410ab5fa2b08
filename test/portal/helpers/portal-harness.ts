// Starts a real portal on 127.0.0.1 over a fresh database: PGlite in memory, or a new database in the
// run's throwaway PostgreSQL cluster (project `portal-postgres`). Talks to it over real HTTP.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPortalDatabase, type PortalDatabase } from '../../../portal/src/db/connection';
import type { Portal, PortalOptions } from '../../../portal/src/server';
import { buildPortal } from '../../../portal/src/server';
import { TestClock } from './test-clock';

export type StorageKind = 'pglite' | 'postgres';
export const storageKind: StorageKind = process.env.PORTAL_TEST_DATABASE === 'postgres' ? 'postgres' : 'pglite';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestPortal extends Portal {
  url: string;
  database: PortalDatabase;
  clock: TestClock;
  call<T = any>(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }): Promise<ApiAnswer<T>>;
  close(): Promise<void>;
}

/** A fresh, empty database of the kind this test project runs on. */
export async function freshDatabase(): Promise<PortalDatabase & { drop(): Promise<void> }> {
  if (storageKind === 'pglite') {
    const database = await openPortalDatabase({ kind: 'pglite' });
    return { ...database, drop: async () => {} };
  }
  const serverUrl = inject('postgresUrl');
  const name = `portal_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const database = await openPortalDatabase({ kind: 'postgres', url: serverUrl.replace(/\/postgres$/, `/${name}`) });
  return {
    ...database,
    drop: async () => {
      const again = new pg.Client({ connectionString: serverUrl });
      await again.connect();
      await again.query(`drop database if exists ${name} with (force)`);
      await again.end();
    },
  };
}

export async function startTestPortal(options: Omit<PortalOptions, 'database' | 'clock'> = {}): Promise<TestPortal> {
  const database = await freshDatabase();
  const clock = new TestClock();
  // Fixture filings name attachments by made-up hashes; attachment tests turn the bytes check back on.
  const portal = await buildPortal({ database, clock, requireAttachmentBytes: false, ...options });
  const url = await portal.app.listen({ host: '127.0.0.1', port: 0 });
  const call: TestPortal['call'] = async (method, path, callOptions = {}) => {
    const headers: Record<string, string> = { ...callOptions.headers };
    if (callOptions.token) headers.authorization = `Bearer ${callOptions.token}`;
    let body: string | undefined = callOptions.rawBody;
    if (callOptions.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(callOptions.body);
    }
    const response = await fetch(`${url}${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
  return {
    ...portal,
    url,
    database,
    clock,
    call,
    close: async () => {
      await portal.app.close();
      await database.close();
      await database.drop();
    },
  };
}
