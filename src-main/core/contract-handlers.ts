// Maps every contract method to the service that answers it; no logic of its own.
import type { VaultStatus } from '../../src-common/contract';
import type { ContractHandlers } from './rpc/dispatcher';
import type { OpenServices } from './services';
import type { VaultService } from './vault/vault.service';

export interface HandlerDeps {
  vault: VaultService;
  vaultStatus: () => VaultStatus;
  /** The services over the open store; throws STORE_LOCKED while it is locked. */
  services: () => OpenServices;
  openStore: (key: Buffer) => void;
}

export function createContractHandlers({ vault, vaultStatus, services, openStore }: HandlerDeps): ContractHandlers {
  return {
    'app:info': () => services().app.info(),

    'vault:status': () => vaultStatus(),
    'vault:setup': ({ passphrase }) => {
      const { recoveryKey } = vault.setup(passphrase, openStore);
      services().audit.record('vault.created', 'store', { protection: vault.protection() });
      return { recoveryKey, status: vaultStatus() };
    },
    'vault:unlock': (secret) => {
      if (vaultStatus().state === 'open') return vaultStatus();
      openStore(vault.unlock(secret));
      services().audit.record('vault.unlocked', 'store', { method: 'passphrase' in secret ? 'passphrase' : 'recovery-key' });
      return vaultStatus();
    },

    'settings:get': () => services().settings.get(),
    'settings:set': (patch) => services().settings.set(patch),

    'audit:list': ({ limit, beforeSeq }) => ({ entries: services().audit.list(limit, beforeSeq) }),
    'audit:verify': () => services().audit.verify(),

    'session:status': () => services().session.status(),
    'session:signIn': ({ portalUrl, username, password }) => services().session.signIn(portalUrl, username, password),
    'session:signInWithToken': (input) => services().tokenSignIn.signIn(input),
    'session:changePassword': ({ currentPassword, newPassword }) => services().session.changePassword(currentPassword, newPassword),
    'session:signOut': () => services().session.signOut(),

    'sync:status': () => services().sync.status(),
    'sync:run': () => services().sync.runNow(),
    'sync:attempts': ({ limit }) => services().sync.attempts(limit),
    'sync:attention': () => services().sync.attention(),
    'sync:discard': ({ id }) => services().sync.discard(id),
    'sync:resubmit': ({ id, payload }) => services().sync.resubmit(id, payload),

    'records:list': ({ entity, search, limit, offset }) => services().sync.list(entity, search, limit, offset),
    'records:commit': (input) => services().sync.commit(input),
    'records:export': ({ entity, search }) => services().sync.exportRegistry(entity, search),

    'token:modules': () => services().signing.modules(),
    'token:list': () => services().signing.list(),
    'signing:test': (input) => services().signing.test(input),
    'signing:verify': ({ p7s, content, expectedParty }) => services().signing.verify(p7s, content, expectedParty),
    'signing:signFiles': (input) => services().signing.signFiles(input),
    'signing:cancel': ({ taskId }) => services().signing.cancel(taskId),

    'filings:list': (input) => services().filings.list(input),
    'filings:get': ({ filingId, version }) => services().filings.get(filingId, version),
    'filings:saveDraft': (input) => services().filings.saveDraft(input),
    'filings:newVersion': ({ filingId }) => services().filings.newVersion(filingId),
    'filings:deleteDraft': ({ filingId, version }) => services().filings.deleteDraft(filingId, version),
    'filings:signAndSubmit': (input) => services().filings.signAndSubmit(input),
    'filings:importWorkerList': ({ name, content }) => services().filings.importWorkerList(name, content),
    'workers:list': (input) => services().workersAbroad.list(input),
    'workers:recordEvent': (input) => services().workersAbroad.recordEvent(input),
    'workers:due': () => ({ items: services().workersAbroad.dueView() }),
    'filings:export': (input) => services().filings.exportList(input),
    'workers:export': (input) => services().workersAbroad.exportList(input),

    'attachments:add': (input) => services().attachments.add(input),
    'attachments:get': ({ sha256 }) => services().attachments.get(sha256),
  };
}
