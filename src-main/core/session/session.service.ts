// Signing in and out of the central portal, and which account's data is open.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionStatus } from '../../../src-common/contract';
import { CodedError } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import type { SessionResponse } from '../../../src-common/portal-api/auth.api';
import type { AuditService } from '../audit/audit.service';
import { openStore, type Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logger';
import type { PortalClient } from '../sync/portal-client';
import type { SyncEngineOptions } from '../sync/sync-engine';
import type { SchedulerOptions, SchedulerTimers } from '../sync/sync-scheduler';
import { AccountContext } from './account-context';
import { AccountProfilesRepo, type AccountProfile } from './account-profiles.repo';

export const ACCOUNTS_DIR = 'accounts';
export const ACCOUNT_STORE_FILE = 'account.db';

export interface SessionServiceDeps {
  device: Store;
  deviceAudit: AuditService;
  dataDir: string;
  migrationsDir: string;
  events: EventBus;
  now: () => Date;
  language: () => Language;
  logger: Logger;
  /** The portal configured by the shell (flags/environment), else the one in settings. */
  configuredPortalUrl: () => string | null;
  clientFor: (portalUrl: string) => PortalClient;
  engine: SyncEngineOptions;
  scheduler: SchedulerOptions;
  timers?: SchedulerTimers;
  random: () => number;
  /** Start syncing as soon as an account opens (off in tests that drive sync by hand). */
  autoSync: boolean;
}

/** A sign-in the portal has just accepted, and how it was made. */
export interface EstablishedSignIn {
  portalUrl: string;
  /** The account's username: typed for a password sign-in, the portal's answer for a token sign-in. */
  username: string;
  client: PortalClient;
  session: SessionResponse;
  method: 'password' | 'token';
}

/** A stable folder name for (portal, username) that reveals neither. */
export function profileIdOf(portalUrl: string, username: string): string {
  return createHash('sha256').update(`${new URL(portalUrl).origin}|${username}`).digest('hex').slice(0, 24);
}

export class SessionService {
  private readonly profiles: AccountProfilesRepo;
  private current: AccountContext | null = null;

  constructor(private readonly deps: SessionServiceDeps) {
    this.profiles = new AccountProfilesRepo(deps.device.sqlite);
  }

  /** At start: reopen the last account that did not sign out, with its cached session (works offline). */
  restore(): void {
    const profile = this.profiles.active();
    if (!profile) return;
    try {
      this.open(profile);
    } catch (error) {
      this.deps.logger.warn('could not reopen the last account', { code: (error as { code?: string }).code });
      return;
    }
    const cached = this.current?.session.get();
    if (cached?.token && !cached.mustChangePassword) this.startSync();
  }

  account(): AccountContext {
    if (!this.current) throw new CodedError('SIGN_IN_REQUIRED');
    return this.current;
  }

  /** The open account, or null (for status reads that work either way). */
  openAccount(): AccountContext | null {
    return this.current;
  }

  status(): SessionStatus {
    const knownAccounts = this.profiles.all().map((p) => ({ portalUrl: p.portalUrl, username: p.username, displayName: p.displayName }));
    const defaultPortalUrl = this.deps.configuredPortalUrl() ?? knownAccounts[0]?.portalUrl ?? null;
    const cached = this.current?.session.get() ?? null;
    if (!this.current || !cached) return { state: 'signedOut', defaultPortalUrl, knownAccounts };
    const state = cached.mustChangePassword ? 'passwordChangeRequired' : cached.token ? 'signedIn' : 'needsSignIn';
    return { state, account: cached.account, portalUrl: cached.portalUrl, defaultPortalUrl, knownAccounts };
  }

  async signIn(portalUrl: string, username: string, password: string): Promise<SessionStatus> {
    const client = this.deps.clientFor(portalUrl);
    const session = await client.login(username, password);
    return this.establish({ portalUrl, username, client, session, method: 'password' });
  }

  /**
   * After the portal accepted a sign-in (a password, or a challenge signed on a USB token): the same
   * account profile, encrypted store, cached session, audit entry, sync start and events either way.
   */
  async establish({ portalUrl, username, client, session, method }: EstablishedSignIn): Promise<SessionStatus> {
    const id = profileIdOf(portalUrl, username);
    const at = this.deps.now().toISOString();
    if (this.current && this.current.profile.id !== id) await this.closeCurrent();
    let profile = this.profiles.byId(id);
    if (!profile) {
      profile = {
        id,
        portalUrl,
        username,
        displayName: session.account.displayName,
        folder: id,
        storeKey: randomBytes(32).toString('hex'),
        active: 1,
        lastSignedInAt: at,
      };
      this.deps.device.write(() => this.profiles.insert(profile!));
    }
    if (!this.current) this.open(profile, client);
    this.deps.device.write(() => this.profiles.activate(id, session.account.displayName, at));
    this.saveSession(portalUrl, session);
    this.deps.deviceAudit.record('session.signedIn', username, { portal: new URL(portalUrl).origin, ...(method === 'token' ? { method } : {}) });
    if (!session.mustChangePassword) this.startSync();
    return this.changed();
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<SessionStatus> {
    const account = this.account();
    const cached = account.session.get();
    if (!cached?.token) throw new CodedError('SIGN_IN_REQUIRED');
    const session = await account.client.changePassword(cached.token, currentPassword, newPassword);
    this.saveSession(cached.portalUrl, session);
    this.deps.deviceAudit.record('session.passwordChanged', cached.account.username);
    this.startSync();
    return this.changed();
  }

  /** Ends the session on the portal (best effort) and here; the account's data and outbox stay. */
  async signOut(): Promise<SessionStatus> {
    const account = this.current;
    if (!account) return this.status();
    const token = account.session.get()?.token;
    account.scheduler.stop();
    await account.scheduler.idle();
    if (token) await account.client.logout(token).catch(() => undefined);
    account.store.write(() => account.session.clear());
    this.deps.device.write(() => this.profiles.activate(null));
    this.deps.deviceAudit.record('session.signedOut', account.profile.username);
    await this.closeCurrent();
    return this.changed();
  }

  /** After every sync run: a refused token puts the account in "sign in again" without touching data. */
  private onRunFinished(outcome: string): void {
    if (outcome !== 'auth' || !this.current) return;
    this.current.store.write(() => this.current!.session.dropToken());
    this.changed();
  }

  private saveSession(portalUrl: string, session: SessionResponse): void {
    const account = this.account();
    account.store.write(() =>
      account.session.save(
        { portalUrl, token: session.token, expiresAt: session.expiresAt, account: session.account, mustChangePassword: session.mustChangePassword },
        this.deps.now().toISOString(),
      ),
    );
  }

  private open(profile: AccountProfile, client?: PortalClient): void {
    const folder = join(this.deps.dataDir, ACCOUNTS_DIR, profile.folder);
    mkdirSync(folder, { recursive: true });
    const store = openStore({ file: join(folder, ACCOUNT_STORE_FILE), key: Buffer.from(profile.storeKey, 'hex'), migrationsDir: this.deps.migrationsDir });
    this.current = new AccountContext({
      profile,
      store,
      client: client ?? this.deps.clientFor(profile.portalUrl),
      events: this.deps.events,
      now: this.deps.now,
      language: this.deps.language,
      engine: this.deps.engine,
      scheduler: this.deps.scheduler,
      ...(this.deps.timers ? { timers: this.deps.timers } : {}),
      random: this.deps.random,
      onRunFinished: (result) => this.onRunFinished(result.outcome),
    });
  }

  private startSync(): void {
    if (this.deps.autoSync) this.current?.scheduler.start();
    this.deps.events.emit('sync:changed', this.current!.syncStatus());
  }

  async closeCurrent(): Promise<void> {
    const account = this.current;
    this.current = null;
    if (account) await account.close();
  }

  private changed(): SessionStatus {
    const status = this.status();
    this.deps.events.emit('session:changed', status);
    if (this.current) this.deps.events.emit('sync:changed', this.current.syncStatus());
    return status;
  }
}
