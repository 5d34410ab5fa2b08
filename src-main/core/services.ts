// The services that exist once the store is open, built together over one store.
import type { CoreConfig } from './core.types';
import { AppService } from './app/app.service';
import { AuditService } from './audit/audit.service';
import type { Store } from './db/store';
import type { EventBus } from './events/event-bus';
import { SettingsService } from './settings/settings.service';
import type { VaultService } from './vault/vault.service';

export interface OpenServices {
  store: Store;
  app: AppService;
  audit: AuditService;
  settings: SettingsService;
}

export interface ServiceDeps {
  config: CoreConfig;
  store: Store;
  vault: VaultService;
  events: EventBus;
  actor: string;
  now: () => Date;
}

export function createOpenServices({ config, store, vault, events, actor, now }: ServiceDeps): OpenServices {
  const audit = new AuditService(store, events, { actor, now });
  return {
    store,
    app: new AppService(config, store, vault),
    audit,
    settings: new SettingsService(store, audit, events, now),
  };
}
