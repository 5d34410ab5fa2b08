// createCore: the composition root of the plain-Node services behind the contract.
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { VaultStatus } from '../../src-common/contract';
import { CodedError } from '../../src-common/errors';
import { createContractHandlers } from './contract-handlers';
import type { Core, CoreConfig } from './core.types';
import { openStore } from './db/store';
import { EventBus } from './events/event-bus';
import { silentLogger } from './logger';
import { createDispatcher } from './rpc/dispatcher';
import { createOpenServices, type OpenServices } from './services';
import { VaultService } from './vault/vault.service';

export type { Core, CoreConfig, OsKeychain, StoreKeySource } from './core.types';
export { parsePortalUrl } from './portal-url';

export const STORE_FILE = 'labordesk.db';
export const VAULT_FILE = 'vault.json';

export async function createCore(config: CoreConfig): Promise<Core> {
  const logger = config.logger ?? silentLogger;
  const events = new EventBus();
  const now = () => new Date();
  mkdirSync(config.dataDir, { recursive: true });
  const vault = new VaultService({ file: join(config.dataDir, VAULT_FILE), source: config.key, scryptCost: config.scryptCost });
  let open: OpenServices | null = null;

  const vaultStatus = (): VaultStatus => ({
    state: open ? 'open' : vault.isSetUp() ? 'locked' : 'needs-setup',
    osKeychainAvailable: vault.osKeychainAvailable(),
    unlockMethods: open ? [] : vault.unlockMethods(),
  });

  const openWithKey = (key: Buffer) => {
    const store = openStore({ file: join(config.dataDir, STORE_FILE), key, migrationsDir: config.migrationsDir });
    open = createOpenServices({ config, store, vault, events, actor: actorName(), now, logger });
    events.emit('vault:changed', vaultStatus());
  };

  const autoKey = vault.tryAutoUnlock();
  if (autoKey) {
    try {
      openWithKey(autoKey);
    } catch (error) {
      // With a fixed key there is nobody to ask: fail start-up with the coded error.
      if (config.key.kind === 'fixed') throw error;
      logger.warn('store did not open with the keychain key; asking the user', { code: (error as { code?: string }).code });
    }
  }

  const services = (): OpenServices => {
    if (!open) throw new CodedError('STORE_LOCKED');
    return open;
  };

  const invoke = createDispatcher({
    handlers: createContractHandlers({ vault, vaultStatus, services, openStore: openWithKey }),
    language: () => open?.settings.language() ?? 'vi',
    logger,
  });

  return {
    invoke,
    onEvent: (listener) => events.on(listener),
    close: async () => {
      const closing = open;
      open = null;
      await closing?.session.closeCurrent();
      closing?.signing.close();
      closing?.store.close();
    },
  };
}

function actorName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'local';
  }
}
