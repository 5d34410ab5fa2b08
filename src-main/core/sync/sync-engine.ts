// One sync run for one account: push the outbox in batches, then pull the portal's changes page by page.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import type { ReceiptStatus } from '../../../src-common/contract';
import { CodedError, errorMessage, hasErrorCode } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import type { Change, PullResponse, PushResult } from '../../../src-common/portal-api/sync.api';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import type { LocalChanges } from './local-changes';
import { searchTextOf, type RecordData } from './local-effects';
import { toMutation, type OutboxEntry, type OutboxRepo } from './outbox.repo';
import { isTransient, type PortalClient } from './portal-client';
import type { ReceiptChecker } from './receipt-checker';
import type { RecordsRepo } from './records.repo';
import type { AttemptOutcome, SyncStateRepo } from './sync-state.repo';

export interface SyncEngineOptions {
  pushBatch: number;
  pullLimit: number;
  /** Filings whose attachments cannot reach the portal wait in the outbox (default true; see outbox-attachments.ts). */
  requireAttachmentBytes?: boolean;
}

export interface RunResult {
  outcome: AttemptOutcome;
  error: { code: string; message: string } | null;
  pushed: number;
  applied: number;
  rejected: number;
  pulled: number;
}

export interface SyncEngineDeps {
  store: Store;
  /** Timestamps offline-made signatures before they are pushed (outbox-timestamps.ts; absent: pushed as they are). */
  timestamps?: { upgradePending(sessionToken: string): Promise<unknown> };
  /** Uploads the attachments pending filings name (outbox-attachments.ts); the entries it holds back stay pending. */
  attachments?: { uploadPending(sessionToken: string): Promise<{ heldBack: { id: string }[] }> };
  client: PortalClient;
  records: RecordsRepo;
  outbox: OutboxRepo;
  state: SyncStateRepo;
  local: LocalChanges;
  events: EventBus;
  now: () => Date;
  language: () => Language;
  /** The bearer token, or null once the portal refused it. */
  token: () => string | null;
  /** Checks the portal's receipts on pulled filings (absent: receipts are stored unchecked). */
  receipts?: ReceiptChecker;
}

export class SyncEngine {
  constructor(
    private readonly deps: SyncEngineDeps,
    private readonly options: SyncEngineOptions,
  ) {}

  /** Never throws for portal trouble: the outcome says what happened, and the attempt is logged. */
  async run(): Promise<RunResult> {
    const { state, now } = this.deps;
    const attemptId = state.startAttempt(now().toISOString());
    const result: RunResult = { outcome: 'ok', error: null, pushed: 0, applied: 0, rejected: 0, pulled: 0 };
    let pushError: CodedError | null = null;
    try {
      await this.pushAll(result);
    } catch (error) {
      if (!hasErrorCode(error) || !(isTransient(error.code) || error.code === 'AUTH_REQUIRED')) throw error;
      pushError = error as CodedError;
    }
    // A failing push never blocks pulls (unless the session itself is gone).
    if (pushError?.code !== 'AUTH_REQUIRED') {
      try {
        await this.pullAll(result);
      } catch (error) {
        if (!hasErrorCode(error) || !(isTransient(error.code) || error.code === 'AUTH_REQUIRED')) throw error;
        pushError ??= error as CodedError;
      }
    }
    if (pushError) {
      result.outcome = pushError.code === 'AUTH_REQUIRED' ? 'auth' : pushError.code === 'SYNC_OFFLINE' ? 'offline' : 'error';
      result.error = { code: pushError.code, message: errorMessage(pushError.code, this.deps.language()) };
    }
    const at = now().toISOString();
    state.finish(at, result.error);
    state.finishAttempt(attemptId, at, result.outcome, result, result.error);
    return result;
  }

  private token(): string {
    const token = this.deps.token();
    if (!token) throw new CodedError('AUTH_REQUIRED');
    return token;
  }

  private async pushAll(result: RunResult): Promise<void> {
    const { outbox } = this.deps;
    // CAdES-T first: a TSA that cannot be reached fails the push like any network error (retried later).
    const sessionToken = this.deps.token();
    if (sessionToken) await this.deps.timestamps?.upgradePending(sessionToken);
    // Attachment bytes before the filings naming them; a filing whose bytes cannot be uploaded is held back.
    const heldBack = sessionToken && this.deps.attachments ? (await this.deps.attachments.uploadPending(sessionToken)).heldBack : [];
    if (heldBack.length > 0) {
      result.outcome = 'error';
      result.error = { code: 'ATTACHMENT_MISSING', message: errorMessage('ATTACHMENT_MISSING', this.deps.language()) };
    }
    // Entries tried in this run and still pending (answered with a transient refusal) are left for the
    // next run. Only those can show up again in `pending`, so the query needs just that many extra rows
    // (not one per entry tried so far, which made a long outbox quadratic). Held-back entries count too.
    const unsettled = new Set<string>(heldBack.map((entry) => entry.id));
    for (;;) {
      const batch = outbox.pending(this.options.pushBatch + unsettled.size).filter((e) => !unsettled.has(e.id)).slice(0, this.options.pushBatch);
      if (batch.length === 0) return;
      for (const entry of batch) unsettled.add(entry.id);
      await this.pushBatch(batch, result, unsettled);
      await yieldToEventLoop();
    }
  }

  private async pushBatch(batch: OutboxEntry[], result: RunResult, unsettled: Set<string>): Promise<void> {
    const { client, store, outbox, now } = this.deps;
    const at = now().toISOString();
    store.write(() => batch.forEach((entry) => outbox.countAttempt(entry.id, at)));
    result.pushed += batch.length;
    let answers: PushResult[];
    try {
      answers = await client.push(this.token(), batch.map(toMutation));
    } catch (error) {
      // The portal refused the batch as a whole (malformed or too large): find the culprit one by one,
      // so a single bad entry can never hold back the ones behind it.
      if (hasErrorCode(error) && (error.code === 'VALIDATION_FAILED' || error.code === 'PAYLOAD_TOO_LARGE') && batch.length > 1) {
        for (const entry of batch) await this.pushBatch([entry], result, unsettled);
        result.pushed -= batch.length;
        return;
      }
      if (hasErrorCode(error) && (error.code === 'VALIDATION_FAILED' || error.code === 'PAYLOAD_TOO_LARGE')) {
        answers = [{ id: batch[0]!.id, status: 'rejected', error: { code: error.code, message: errorMessage(error.code, this.deps.language()), details: error.details } }];
      } else {
        throw error;
      }
    }
    this.applyAnswers(batch, answers, result, unsettled);
  }

  private applyAnswers(batch: OutboxEntry[], answers: PushResult[], result: RunResult, unsettled: Set<string>): void {
    const { store, outbox, local, now } = this.deps;
    const at = now().toISOString();
    const byId = new Map(batch.map((e) => [e.id, e]));
    const touched = new Set<string>();
    const settled: string[] = [];
    store.write(() => {
      for (const answer of answers) {
        const entry = byId.get(answer.id);
        if (!entry) continue;
        if (answer.status === 'rejected') {
          outbox.reject(entry.id, answer.error, at);
          result.rejected += 1;
        } else {
          // Applied now or before (duplicate): either way the portal has it; its own row arrives by pull.
          outbox.close(entry.id);
          local.acknowledge(entry, at);
          result.applied += 1;
        }
        settled.push(entry.id);
        touched.add(`${entry.entity}\u0000${entry.entityId}`);
      }
      for (const key of touched) {
        const [entity, id] = key.split('\u0000') as [string, string];
        local.recompute(entity, id, at);
      }
    });
    // Closed or rejected, and committed: no longer pending.
    for (const id of settled) unsettled.delete(id);
    if (touched.size > 0) this.emitChanged([...touched].map((k) => k.split('\u0000')[0]!));
  }

  private async pullAll(result: RunResult): Promise<void> {
    const { client, state, events } = this.deps;
    const taskId = randomUUID();
    let next = client.pull(this.token(), state.get().cursor, this.options.pullLimit);
    for (;;) {
      const page = await next;
      // The following page is asked for before this one is stored (its cursor is this page's
      // nextCursor, the one stored with it), so the portal prepares it while we write. Without a
      // token the request is left to the next turn, which then fails as before.
      let following: Promise<PullResponse> | null = null;
      const token = page.hasMore ? this.deps.token() : null;
      if (token) {
        following = client.pull(token, page.nextCursor, this.options.pullLimit);
        // If storing this page fails, the run ends with that error and this answer is dropped unread.
        following.catch(() => undefined);
        // Let the request go out before the (synchronous) write below holds the thread.
        await yieldToEventLoop();
      }
      // Receipts are checked (async) before the page's transaction and stored with their records.
      const receiptStatuses = await this.deps.receipts?.statuses(page.changes);
      this.applyPage(page.changes, page.nextCursor, receiptStatuses);
      result.pulled += page.changes.length;
      events.emit('progress', { taskId, task: 'sync.pull', done: result.pulled, finished: !page.hasMore });
      if (!page.hasMore) return;
      // Pages are applied one transaction at a time, yielding in between: a pull of millions of
      // rows never holds the process (and the UI's requests) for long.
      await yieldToEventLoop();
      next = following ?? client.pull(this.token(), state.get().cursor, this.options.pullLimit);
    }
  }

  /** Stores one page of portal changes with its cursor, in one transaction. */
  private applyPage(changes: Change[], nextCursor: string, receiptStatuses?: Map<string, ReceiptStatus | null>): void {
    const { store, records, outbox, local, state, now } = this.deps;
    const at = now().toISOString();
    const entities = new Set<string>();
    store.write(() => {
      // Local versions exist only while mutations are pending, so with an empty outbox (an initial pull,
      // most pulls) the portal's version is the whole story and nothing needs re-applying.
      const outboxEmpty = outbox.isEmpty();
      for (const change of changes) {
        const data = change.data as RecordData;
        records.putServer(change.entity, change.id, change.version, Number(change.seq), data, searchTextOf(data), at);
        if (receiptStatuses?.has(change.id) && change.entity === 'filing') records.setReceiptStatus(change.entity, change.id, receiptStatuses.get(change.id)!);
        if (!outboxEmpty) {
          // The portal applied this mutation even if its push answer never reached us: close it here.
          if (change.mutationId) outbox.close(change.mutationId);
          local.recompute(change.entity, change.id, at);
        }
        entities.add(change.entity);
      }
      state.setCursor(nextCursor);
    });
    if (entities.size > 0) this.emitChanged([...entities]);
  }

  private emitChanged(entities: string[]): void {
    this.deps.events.emit('records:changed', { entities: [...new Set(entities)] as never });
  }
}

