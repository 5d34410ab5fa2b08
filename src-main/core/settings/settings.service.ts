// User settings: defaults merged with what is stored; every change is audited in the same transaction.
import { defaultSettings, SettingsSchema, type Settings } from '../../../src-common/contract';
import type { Language } from '../../../src-common/language';
import type { AuditService } from '../audit/audit.service';
import type { Store } from '../db/store';
import type { EventBus } from '../events/event-bus';
import { readSettingRows, upsertSettingRows } from './settings.repo';

export class SettingsService {
  constructor(
    private readonly store: Store,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly now: () => Date,
  ) {}

  get(): Settings {
    const stored = readSettingRows(this.store.db);
    const merged: Record<string, unknown> = { ...defaultSettings };
    for (const key of Object.keys(defaultSettings) as (keyof Settings)[]) {
      // A stored value that no longer validates (older app, hand edit) yields the default, not a crash.
      const field = SettingsSchema.shape[key].safeParse(stored.get(key));
      if (field.success) merged[key] = field.data;
    }
    return merged as Settings;
  }

  language(): Language {
    return this.get().uiLanguage;
  }

  set(patch: Partial<Settings>): Settings {
    const before = this.get();
    const changed = Object.fromEntries(
      Object.entries(patch).filter(([key, value]) => before[key as keyof Settings] !== value),
    );
    if (Object.keys(changed).length === 0) return before;
    this.store.write(() => {
      upsertSettingRows(this.store.db, changed, this.now().toISOString());
      this.audit.record('settings.changed', 'settings', { changed });
    });
    const after = this.get();
    this.events.emit('settings:changed', after);
    return after;
  }
}
