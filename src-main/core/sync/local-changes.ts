// Local commits (record + outbox entry in one transaction) and the re-application of pending
// mutations on top of the portal's version of a record.
import type { LocalRecord } from '../../../src-common/contract';
import { isMutationKind, type MutationKind } from '../../../src-common/portal-api/mutations';
import { uuidv7 } from '../../../src-common/domain/uuidv7';
import type { Store } from '../db/store';
import { applyLocally, searchTextOf, targetOf, type RecordData } from './local-effects';
import type { OutboxRepo } from './outbox.repo';
import { toLocalRecord, type RecordsRepo } from './records.repo';

export class LocalChanges {
  constructor(
    private readonly store: Store,
    private readonly records: RecordsRepo,
    private readonly outbox: OutboxRepo,
    private readonly now: () => Date,
  ) {}

  /** Saves a validated mutation locally and queues it; nothing is written unless both are. */
  commit(kind: MutationKind, payload: unknown, signature?: string): { mutationId: string; record: LocalRecord } {
    const mutationId = uuidv7(this.now().getTime());
    const target = targetOf(kind, payload);
    const at = this.now().toISOString();
    this.store.write(() => {
      this.outbox.add({ id: mutationId, kind, entity: target.entity, entityId: target.id, payload, ...(signature ? { signature } : {}), createdAt: at });
      this.recompute(target.entity, target.id, at);
    });
    return { mutationId, record: toLocalRecord(this.records.get(target.entity, target.id)!) };
  }

  /**
   * Folds a mutation the portal has accepted into the local copy of the portal's version, so the record
   * neither disappears nor reverts while the pull that brings the portal's row is still to come.
   * Call inside a write transaction, before `recompute`.
   */
  acknowledge(entry: { kind: string; entity: string; entityId: string; payload: string }, at: string): void {
    if (!isMutationKind(entry.kind)) return;
    const row = this.records.get(entry.entity, entry.entityId);
    const base = row?.serverData ? (JSON.parse(row.serverData) as RecordData) : null;
    const data = applyLocally(entry.kind, JSON.parse(entry.payload), base);
    this.records.putAcknowledged(entry.entity, entry.entityId, data, searchTextOf(data), at);
  }

  /**
   * The record as the user should see it: the portal's version with every still-pending mutation
   * re-applied in order. Call inside a write transaction.
   */
  recompute(entity: string, id: string, at: string): void {
    const pending = this.outbox.pendingFor(entity, id);
    const row = this.records.get(entity, id);
    if (pending.length === 0) {
      const server = row?.serverData ? (JSON.parse(row.serverData) as RecordData) : null;
      this.records.clearLocal(row, searchTextOf(server), at);
      return;
    }
    let data: RecordData | null = row?.serverData ? (JSON.parse(row.serverData) as RecordData) : null;
    for (const entry of pending) {
      if (isMutationKind(entry.kind)) data = applyLocally(entry.kind, JSON.parse(entry.payload), data);
    }
    this.records.putLocal(entity, id, data, searchTextOf(data), at);
  }
}
