// What the About page shows: version, shell, data folder, the store's encryption and schema, the portal.
import type { AppInfo } from '../../../src-common/contract';
import type { CoreConfig } from '../core.types';
import { STORE_CIPHER, type Store } from '../db/store';
import type { VaultService } from '../vault/vault.service';

export class AppService {
  constructor(
    private readonly config: CoreConfig,
    private readonly store: Store,
    private readonly vault: VaultService,
  ) {}

  info(): AppInfo {
    return {
      version: this.config.appVersion,
      shell: this.config.shell,
      dataDir: this.config.dataDir,
      db: {
        path: this.store.file,
        encrypted: this.store.encrypted,
        cipher: this.store.encrypted ? STORE_CIPHER : 'none',
        schemaVersion: this.store.schemaVersion(),
        journalMode: this.store.journalMode(),
        sizeBytes: this.store.sizeBytes(),
      },
      keyProtection: this.vault.protection(),
      portalUrl: this.config.portalUrl ?? null,
    };
  }
}
