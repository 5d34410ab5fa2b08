// The services that exist once the store is open, built together over one store.
import type { CoreConfig } from './core.types';
import { AppService } from './app/app.service';
import { AttachmentsService } from './attachments/attachments.service';
import { AuditService } from './audit/audit.service';
import type { Store } from './db/store';
import type { EventBus } from './events/event-bus';
import type { Logger } from './logger';
import { join } from 'node:path';
import { SessionService } from './session/session.service';
import { TokenSignInService } from './session/token-sign-in.service';
import { CodedError } from '../../src-common/errors';
import { FilingsService } from './filings/filings.service';
import { vietnamToday, WorkersAbroadService } from './filings/workers-abroad.service';
import { SigningService } from './signing/signing.service';
import { TsaCertificateRepo } from './sync/tsa-certificate.repo';
import { SettingsService } from './settings/settings.service';
import { HttpPortalClient } from './sync/portal-client';
import { defaultSchedulerOptions } from './sync/sync-scheduler';
import { SyncService } from './sync/sync.service';
import type { VaultService } from './vault/vault.service';

export interface OpenServices {
  store: Store;
  app: AppService;
  audit: AuditService;
  settings: SettingsService;
  session: SessionService;
  tokenSignIn: TokenSignInService;
  sync: SyncService;
  signing: SigningService;
  filings: FilingsService;
  workersAbroad: WorkersAbroadService;
  attachments: AttachmentsService;
}

export interface ServiceDeps {
  config: CoreConfig;
  store: Store;
  vault: VaultService;
  events: EventBus;
  actor: string;
  now: () => Date;
  logger: Logger;
}

export function createOpenServices({ config, store, vault, events, actor, now, logger }: ServiceDeps): OpenServices {
  const audit = new AuditService(store, events, { actor, now });
  const settings = new SettingsService(store, audit, events, now);
  const sync = config.sync ?? {};
  const language = () => settings.language();
  const clientFor = (baseUrl: string) =>
    new HttpPortalClient({ baseUrl, timeoutMs: sync.requestTimeoutMs ?? 20_000, language, ...(sync.fetch ? { fetch: sync.fetch } : {}) });
  const session = new SessionService({
    device: store,
    deviceAudit: audit,
    dataDir: config.dataDir,
    migrationsDir: config.migrationsDir,
    events,
    now,
    language,
    logger,
    configuredPortalUrl: () => config.portalUrl ?? (settings.get().portalUrl || null),
    clientFor,
    engine: { pushBatch: sync.pushBatch ?? 200, pullLimit: sync.pullLimit ?? 1000, requireAttachmentBytes: sync.requireAttachmentBytes ?? true },
    scheduler: {
      periodMs: sync.periodMs ?? defaultSchedulerOptions.periodMs,
      debounceMs: sync.debounceMs ?? defaultSchedulerOptions.debounceMs,
      backoffBaseMs: sync.backoffBaseMs ?? defaultSchedulerOptions.backoffBaseMs,
      backoffMaxMs: sync.backoffMaxMs ?? defaultSchedulerOptions.backoffMaxMs,
    },
    random: sync.random ?? Math.random,
    autoSync: sync.autoSync ?? true,
  });
  session.restore();
  // migrationsDir is <root>/src-main/core/db/migrations in the source tree and in the built app.
  const resourcesDir = config.resourcesDir ?? join(config.migrationsDir, '..', '..', '..', '..', 'resources');
  const signing = new SigningService({
    resourcesDir,
    trustDir: config.trustDir ?? join(resourcesDir, 'trust'),
    customModulePath: () => settings.get().pkcs11ModulePath,
    // The portal TSA's certificate the signed-in account keeps: checks timestamps (CAdES-T) on verification.
    timestampAuthorities: () => {
      const account = session.openAccount();
      const der = account ? new TsaCertificateRepo(account.store.sqlite).get() : null;
      return der ? [der] : [];
    },
    timestamp: async (p7s) => {
      const account = session.openAccount();
      if (!account) throw new CodedError('SIGN_IN_REQUIRED');
      return account.timestampSignature(p7s);
    },
    now,
    language,
    events,
  });
  const filings = new FilingsService({ session, signing, audit, events, now, language });
  return {
    signing,
    filings,
    workersAbroad: new WorkersAbroadService(session, filings, language, () => vietnamToday(now())),
    attachments: new AttachmentsService({ session, now }),
    store,
    app: new AppService(config, store, vault),
    audit,
    settings,
    session,
    tokenSignIn: new TokenSignInService({ session, signer: signing, clientFor }),
    sync: new SyncService(session, audit, events, now, language),
  };
}
