// The `sync:*` and `records:*` areas: status, "Sync now", the needs-attention list, local commits and lists.
import type { AttentionItem, CommitInput, LocalRecord, SyncAttempt, SyncStatus } from '../../../src-common/contract';
import { CodedError } from '../../../src-common/errors';
import { isMutationKind, mutationPayloadSchemas } from '../../../src-common/portal-api/mutations';
import type { EntityKind } from '../../../src-common/portal-api/sync.api';
import { foldVietnamese, normalizeStrings } from '../../../src-common/text';
import { validationIssues } from '../../../src-common/validation';
import type { AuditService } from '../audit/audit.service';
import type { EventBus } from '../events/event-bus';
import type { AccountContext } from '../session/account-context';
import type { SessionService } from '../session/session.service';
import type { Language } from '../../../src-common/language';
import { exportRegistry } from '../filings/list-exports';
import { targetOf } from './local-effects';

const signedOutStatus: SyncStatus = {
  connection: 'signedOut',
  pending: 0,
  needsAttention: 0,
  lastSuccessAt: null,
  lastAttemptAt: null,
  lastError: null,
  nextAttemptAt: null,
};

export class SyncService {
  constructor(
    private readonly session: SessionService,
    /** The device's audit trail (the one the About page verifies); entries name the portal account. */
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly now: () => Date,
    private readonly language: () => Language = () => 'vi',
  ) {}

  status(): SyncStatus {
    return this.session.openAccount()?.syncStatus() ?? signedOutStatus;
  }

  async runNow(): Promise<SyncStatus> {
    const account = this.session.account();
    if (!account.session.get()?.token) throw new CodedError('SIGN_IN_REQUIRED');
    await account.scheduler.runNow();
    return this.status();
  }

  attempts(limit: number): SyncAttempt[] {
    return this.session.account().state.attempts(limit);
  }

  attention(): AttentionItem[] {
    return this.session
      .account()
      .outbox.rejected()
      .map((entry) => ({
        id: entry.id,
        kind: entry.kind,
        payload: JSON.parse(entry.payload) as unknown,
        createdAt: entry.createdAt,
        rejectedAt: entry.rejectedAt,
        error: {
          code: entry.errorCode ?? 'INTERNAL_ERROR',
          message: entry.errorMessage ?? '',
          ...(entry.errorDetails ? { details: JSON.parse(entry.errorDetails) as unknown } : {}),
        },
      }));
  }

  /** Drops a rejected mutation for good (audited); the record returns to the portal's version. */
  discard(id: string): SyncStatus {
    const account = this.session.account();
    const entry = this.rejectedEntry(account, id);
    const at = this.now().toISOString();
    account.store.write(() => {
      account.outbox.close(id);
      account.local.recompute(entry.entity, entry.entityId, at);
    });
    this.audit.record('sync.discarded', `${entry.entity}:${entry.entityId}`, { account: account.profile.username, mutation: id, kind: entry.kind, reason: entry.errorCode });
    return this.afterChange([entry.entity as EntityKind]);
  }

  /** Replaces a rejected mutation with a corrected one of the same kind, under a new id. */
  resubmit(id: string, payload: unknown): SyncStatus {
    const account = this.session.account();
    const entry = this.rejectedEntry(account, id);
    if (!isMutationKind(entry.kind)) throw new CodedError('UNKNOWN_MUTATION_KIND');
    const parsed = mutationPayloadSchemas[entry.kind].safeParse(normalizeStrings(payload));
    if (!parsed.success) {
      throw new CodedError('VALIDATION_FAILED', { issues: validationIssues(parsed.error) });
    }
    const target = targetOf(entry.kind, parsed.data);
    const mutationId = account.store.write(() => {
      account.outbox.close(id);
      const committed = account.local.commit(entry.kind as never, parsed.data);
      account.local.recompute(entry.entity, entry.entityId, this.now().toISOString());
      return committed.mutationId;
    });
    this.audit.record('sync.resubmitted', `${target.entity}:${target.id}`, { account: account.profile.username, replaced: id, by: mutationId, kind: entry.kind });
    account.scheduler.nudge();
    return this.afterChange([entry.entity as EntityKind, target.entity]);
  }

  commit(input: CommitInput): { mutationId: string; record: LocalRecord } {
    const account = this.session.account();
    const result = account.local.commit(input.kind, normalizeStrings(input.payload));
    account.scheduler.nudge();
    this.afterChange([result.record.entity]);
    return result;
  }

  list(entity: EntityKind, search: string | undefined, limit: number, offset: number): { rows: LocalRecord[]; total: number } {
    const folded = search ? foldVietnamese(search) : undefined;
    return this.session.account().records.list(entity, folded || undefined, limit, offset);
  }

  /** Every record of a registry under the search, as the list shows them, written as .xlsx. */
  async exportRegistry(entity: 'employer' | 'broker' | 'branch', search: string | undefined): Promise<{ fileName: string; content: string }> {
    const rows: Record<string, unknown>[] = [];
    const { total } = this.list(entity, search, 1, 0);
    for (let offset = 0; offset < total; offset += 500) rows.push(...this.list(entity, search, 500, offset).rows.map((r) => r.data));
    const names = { employer: 'chu-su-dung', broker: 'moi-gioi', branch: 'chi-nhanh' } as const;
    return { fileName: `${names[entity]}-${this.now().toISOString().slice(0, 10)}.xlsx`, content: await exportRegistry(entity, rows, this.language()) };
  }

  private rejectedEntry(account: AccountContext, id: string) {
    const entry = account.outbox.byId(id);
    if (!entry || entry.state !== 'rejected') throw new CodedError('SYNC_ITEM_NOT_FOUND');
    return entry;
  }

  private afterChange(entities: EntityKind[]): SyncStatus {
    this.events.emit('records:changed', { entities: [...new Set(entities)] });
    const status = this.status();
    this.events.emit('sync:changed', status);
    return status;
  }
}
