// The audit trail: records who did what, lists it, and verifies the hash chain end to end.
import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditVerdict } from '../../../src-common/contract';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { entryHash, GENESIS_HASH } from './audit-chain';
import {
  appendAuditEntry,
  countAuditEntries,
  iterateAuditRows,
  listAuditEntries,
  type AuditRow,
  type NewAuditEntry,
} from './audit.repo';

const PROGRESS_EVERY = 10_000;

export interface AuditContext {
  actor: string;
  now: () => Date;
}

export class AuditService {
  constructor(
    private readonly store: Store,
    private readonly events: EventBus,
    private readonly context: AuditContext,
  ) {}

  /** Appends an entry; inside a `store.write` it commits or rolls back with the change it records. */
  record(action: string, target: string, details: Record<string, unknown> = {}): AuditEntry {
    const entry: NewAuditEntry = {
      at: this.context.now().toISOString(),
      actor: this.context.actor,
      action,
      target,
      details,
    };
    const inTransaction = this.store.sqlite.inTransaction;
    const row = inTransaction
      ? appendAuditEntry(this.store.sqlite, entry)
      : this.store.write(() => appendAuditEntry(this.store.sqlite, entry));
    return toEntry(row);
  }

  list(limit: number, beforeSeq?: number): AuditEntry[] {
    return listAuditEntries(this.store.db, limit, beforeSeq).map(toEntry);
  }

  /** Walks the whole chain; the first entry that does not hold is named. */
  verify(): AuditVerdict {
    const total = countAuditEntries(this.store.sqlite);
    const taskId = randomUUID();
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let verdict: AuditVerdict | undefined;
    for (const row of iterateAuditRows(this.store.sqlite)) {
      const reason = brokenReason(row, expectedSeq, prevHash);
      if (reason) {
        verdict = { intact: false, checked, broken: { seq: row.seq, reason } };
        break;
      }
      checked += 1;
      expectedSeq = row.seq + 1;
      prevHash = row.hash;
      if (checked % PROGRESS_EVERY === 0) {
        this.events.emit('progress', { taskId, task: 'audit-verify', done: checked, total, finished: false });
      }
    }
    this.events.emit('progress', { taskId, task: 'audit-verify', done: checked, total, finished: true });
    return verdict ?? { intact: true, checked };
  }
}

function brokenReason(row: AuditRow, expectedSeq: number, prevHash: string) {
  if (row.seq !== expectedSeq) return 'gap' as const;
  if (row.prevHash !== prevHash) return 'link-mismatch' as const;
  if (entryHash(row) !== row.hash) return 'hash-mismatch' as const;
  return undefined;
}

function toEntry(row: AuditRow): AuditEntry {
  let details: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(row.details);
    details = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    details = { unreadable: row.details };
  }
  return { ...row, details };
}
