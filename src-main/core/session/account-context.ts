// Everything that exists while one portal account is open: its encrypted store, session, records,
// outbox, and the sync engine and scheduler working on them.
import type { SyncStatus } from '../../../src-common/contract';
import { CodedError } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { TimestampClient } from '../signing/timestamp-client';
import { AttachmentsRepo } from '../attachments/attachments.repo';
import { AttachmentUploadClient } from '../sync/attachment-upload-client';
import { OutboxAttachments } from '../sync/outbox-attachments';
import { LocalChanges } from '../sync/local-changes';
import { OutboxRepo } from '../sync/outbox.repo';
import { OutboxTimestamps } from '../sync/outbox-timestamps';
import type { PortalClient } from '../sync/portal-client';
import { ReceiptChecker } from '../sync/receipt-checker';
import { ReceiptKeysRepo } from '../sync/receipt-keys.repo';
import { RecordsRepo } from '../sync/records.repo';
import { SyncEngine, type RunResult, type SyncEngineOptions } from '../sync/sync-engine';
import { SyncScheduler, type SchedulerOptions, type SchedulerTimers } from '../sync/sync-scheduler';
import { SyncStateRepo } from '../sync/sync-state.repo';
import { TsaCertificateRepo } from '../sync/tsa-certificate.repo';
import type { AccountProfile } from './account-profiles.repo';
import { SessionRepo } from './session.repo';

export interface AccountContextDeps {
  profile: AccountProfile;
  store: Store;
  client: PortalClient;
  events: EventBus;
  now: () => Date;
  language: () => Language;
  engine: SyncEngineOptions;
  scheduler: SchedulerOptions;
  timers?: SchedulerTimers;
  random: () => number;
  /** After every run: the session layer reacts to a refused token. */
  onRunFinished: (result: RunResult) => void;
}

/** Per TSA request; the portal answers in milliseconds, so this only bounds a stalled connection. */
const tsaTimeoutMs = 20_000;
/** Per attachment HEAD; an upload gets more in proportion to its size (attachment-upload-client.ts). */
const attachmentRequestTimeoutMs = 20_000;

export class AccountContext {
  readonly profile: AccountProfile;
  readonly store: Store;
  readonly session: SessionRepo;
  readonly records: RecordsRepo;
  readonly outbox: OutboxRepo;
  /** Adds the portal's timestamp to offline-made filing signatures before they are pushed (CAdES-T). */
  readonly timestamps: OutboxTimestamps;
  /** Uploads the attachments pending filings name before they are pushed. */
  readonly attachmentUploads: OutboxAttachments;
  readonly state: SyncStateRepo;
  readonly local: LocalChanges;
  /** The portal's receipt keys this account pinned, and any changed key to warn about. */
  readonly receiptKeys: ReceiptKeysRepo;
  readonly receipts: ReceiptChecker;
  readonly scheduler: SyncScheduler;
  private readonly engine: SyncEngine;

  constructor(private readonly deps: AccountContextDeps) {
    const { store, events, now } = deps;
    this.profile = deps.profile;
    this.store = store;
    this.session = new SessionRepo(store.sqlite);
    this.records = new RecordsRepo(store.sqlite);
    this.outbox = new OutboxRepo(store.sqlite);
    this.timestamps = new OutboxTimestamps({
      store,
      outbox: this.outbox,
      tsa: new TimestampClient({ baseUrl: deps.client.baseUrl, timeoutMs: tsaTimeoutMs, language: deps.language }),
      certificate: new TsaCertificateRepo(store.sqlite),
      now,
    });
    this.attachmentUploads = new OutboxAttachments({
      store,
      outbox: this.outbox,
      attachments: new AttachmentsRepo(store.sqlite),
      client: new AttachmentUploadClient({ baseUrl: deps.client.baseUrl, timeoutMs: attachmentRequestTimeoutMs, language: deps.language }),
      now,
      holdBackMissing: deps.engine.requireAttachmentBytes ?? true,
    });
    this.state = new SyncStateRepo(store.sqlite);
    this.local = new LocalChanges(store, this.records, this.outbox, now);
    this.receiptKeys = new ReceiptKeysRepo(store.sqlite);
    this.receipts = new ReceiptChecker({ store, keys: this.receiptKeys, fetchKey: () => deps.client.receiptKey(), now });
    this.engine = new SyncEngine(
      {
        store,
        client: deps.client,
        records: this.records,
        outbox: this.outbox,
        timestamps: this.timestamps,
        attachments: this.attachmentUploads,
        state: this.state,
        local: this.local,
        events,
        now,
        language: deps.language,
        token: () => this.session.get()?.token ?? null,
        receipts: this.receipts,
      },
      deps.engine,
    );
    this.scheduler = new SyncScheduler(
      {
        run: async () => {
          const result = await this.engine.run();
          deps.onRunFinished(result);
          return result;
        },
        onChange: () => events.emit('sync:changed', this.syncStatus()),
        now: () => now().getTime(),
        random: deps.random,
        ...(deps.timers ? { timers: deps.timers } : {}),
      },
      deps.scheduler,
    );
  }

  get client(): PortalClient {
    return this.deps.client;
  }

  /** `p7s` with the portal's timestamp (CAdES-T); throws AUTH_REQUIRED when signed out, or the TSA's error. */
  async timestampSignature(p7s: Uint8Array): Promise<Uint8Array> {
    const token = this.session.get()?.token;
    if (!token) throw new CodedError('AUTH_REQUIRED');
    return this.timestamps.stamp(token, p7s);
  }

  syncStatus(): SyncStatus {
    const session = this.session.get();
    const counts = this.outbox.counts();
    const state = this.state.get();
    const last = this.scheduler.last;
    const connection: SyncStatus['connection'] = !session?.token
      ? 'needsSignIn'
      : this.scheduler.isRunning
        ? 'syncing'
        : last?.outcome === 'ok'
          ? 'online'
          : 'offline';
    return {
      connection,
      pending: counts.pending,
      needsAttention: counts.rejected,
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: state.lastAttemptAt,
      lastError: state.lastErrorCode ? { code: state.lastErrorCode, message: state.lastErrorMessage ?? '' } : null,
      nextAttemptAt: this.scheduler.nextAttemptAt === null ? null : new Date(this.scheduler.nextAttemptAt).toISOString(),
    };
  }

  async close(): Promise<void> {
    this.scheduler.stop();
    await this.scheduler.idle();
    this.store.close();
  }
}
