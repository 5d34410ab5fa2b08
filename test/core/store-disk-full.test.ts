// A full disk: a clear DB_DISK_FULL error, the failed change rolled back whole, the store still sound.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditService } from '../../src-main/core/audit/audit.service';
import { openStore, type Store } from '../../src-main/core/db/store';
import { EventBus } from '../../src-main/core/events/event-bus';
import { migrationsDir, newStoreKey, removeTempDirs, tempDir } from '../helpers/temp-core';

afterEach(removeTempDirs);

function auditOf(store: Store): AuditService {
  return new AuditService(store, new EventBus(), { actor: 'tester', now: () => new Date() });
}

/** Writes entries in one transaction until storage refuses; returns the error. */
function fillUntilFull(store: Store, audit: AuditService): unknown {
  const filler = 'x'.repeat(4000);
  try {
    store.write(() => {
      for (let i = 0; i < 100_000; i += 1) audit.record('fill', `row-${i}`, { filler });
    });
  } catch (error) {
    return error;
  }
  return undefined;
}

function expectSound(store: Store, audit: AuditService, entriesBefore: number): void {
  expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  const verdict = audit.verify();
  expect(verdict).toEqual({ intact: true, checked: entriesBefore });
}

describe('disk full', () => {
  it('reports DB_DISK_FULL and rolls back when SQLite reaches its page limit', () => {
    const store = openStore({ file: join(tempDir(), 'full.db'), key: newStoreKey(), migrationsDir });
    const audit = auditOf(store);
    audit.record('before', 'kept', { n: 1 });
    audit.record('before', 'kept', { n: 2 });
    const pages = Number(store.sqlite.pragma('page_count', { simple: true }));
    store.sqlite.pragma(`max_page_count = ${pages + 20}`);

    const error = fillUntilFull(store, audit);
    expect(error).toMatchObject({ code: 'DB_DISK_FULL' });
    expectSound(store, audit, 2);

    // Once space is back, writing works again and the chain continues.
    store.sqlite.pragma('max_page_count = 1073741823');
    audit.record('after', 'kept', {});
    expect(audit.verify()).toEqual({ intact: true, checked: 3 });
    store.close();
  });

  const isRoot = process.getuid?.() === 0;
  it.runIf(isRoot && process.platform === 'linux')('reports DB_DISK_FULL on a real full filesystem (tmpfs)', () => {
    const mountPoint = join(tempDir(), 'small-disk');
    mkdirSync(mountPoint);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', mountPoint]);
    try {
      const file = join(mountPoint, 'full.db');
      const key = newStoreKey();
      let store = openStore({ file, key, migrationsDir });
      let audit = auditOf(store);
      audit.record('before', 'kept', {});
      const error = fillUntilFull(store, audit);
      expect(error).toMatchObject({ code: 'DB_DISK_FULL' });
      expectSound(store, audit, 1);
      store.close();
      // Reopening after the failure finds the same, intact data.
      store = openStore({ file, key, migrationsDir });
      audit = auditOf(store);
      expectSound(store, audit, 1);
      store.close();
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  });
});
