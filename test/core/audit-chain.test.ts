// The audit log's hash chain: intact chains verify; a tampered row is named by audit:verify.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { STORE_FILE } from '../../src-main/core/index';
import { entryHash } from '../../src-main/core/audit/audit-chain';
import { createTestCore, expectOk, newStoreKey, removeTempDirs, tempDir } from '../helpers/temp-core';

afterEach(removeTempDirs);

async function coreWithEntries(count: number) {
  const dataDir = tempDir();
  const storeKey = newStoreKey();
  const core = await createTestCore({ dataDir, key: { kind: 'fixed', storeKey } });
  for (let i = 0; i < count; i += 1) {
    expectOk(await core.invoke('settings:set', { portalUrl: `https://portal-${i}.gov.vn` }));
  }
  return { core, dataDir, storeKey };
}

/** Opens the same file as an attacker with the key would, outside the app. */
function rawConnection(dataDir: string, storeKey: Buffer): Database.Database {
  const sqlite = new Database(join(dataDir, STORE_FILE));
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${storeKey.toString('hex')}'"`);
  return sqlite;
}

describe('audit chain', () => {
  it('verifies an intact chain and lists newest first', async () => {
    const { core } = await coreWithEntries(5);
    expect(expectOk(await core.invoke('audit:verify', {}))).toEqual({ intact: true, checked: 5 });
    const { entries } = expectOk(await core.invoke('audit:list', { limit: 2 })) as { entries: { seq: number }[] };
    expect(entries.map((e) => e.seq)).toEqual([5, 4]);
    const older = expectOk(await core.invoke('audit:list', { limit: 10, beforeSeq: 3 })) as { entries: { seq: number }[] };
    expect(older.entries.map((e) => e.seq)).toEqual([2, 1]);
    await core.close();
  });

  it('refuses UPDATE and DELETE on the audit table', async () => {
    const { core, dataDir, storeKey } = await coreWithEntries(2);
    const sqlite = rawConnection(dataDir, storeKey);
    expect(() => sqlite.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    sqlite.close();
    await core.close();
  });

  it('names the tampered entry when one row is edited', async () => {
    const { core, dataDir, storeKey } = await coreWithEntries(6);
    const sqlite = rawConnection(dataDir, storeKey);
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.prepare(`UPDATE audit_log SET details = '{"changed":{"portalUrl":"https://evil.example"}}' WHERE seq = 3`).run();
    sqlite.close();
    expect(expectOk(await core.invoke('audit:verify', {}))).toEqual({
      intact: false,
      checked: 2,
      broken: { seq: 3, reason: 'hash-mismatch' },
    });
    await core.close();
  });

  it('names the next entry when a row is edited and its own hash recomputed', async () => {
    const { core, dataDir, storeKey } = await coreWithEntries(6);
    const sqlite = rawConnection(dataDir, storeKey);
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    const row = sqlite.prepare('SELECT seq, at, actor, action, target, details, prev_hash AS prevHash FROM audit_log WHERE seq = 4').get() as {
      seq: number; at: string; actor: string; action: string; target: string; details: string; prevHash: string;
    };
    const forged = { ...row, actor: 'someone-else' };
    sqlite.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 4').run(forged.actor, entryHash(forged));
    sqlite.close();
    expect(expectOk(await core.invoke('audit:verify', {}))).toMatchObject({
      intact: false,
      broken: { seq: 5, reason: 'link-mismatch' },
    });
    await core.close();
  });

  it('names the gap when a row is deleted', async () => {
    const { core, dataDir, storeKey } = await coreWithEntries(4);
    const sqlite = rawConnection(dataDir, storeKey);
    sqlite.exec('DROP TRIGGER audit_log_no_delete');
    sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    sqlite.close();
    expect(expectOk(await core.invoke('audit:verify', {}))).toMatchObject({ intact: false, broken: { seq: 3, reason: 'gap' } });
    await core.close();
  });
});
