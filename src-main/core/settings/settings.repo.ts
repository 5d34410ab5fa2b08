// Settings rows: one JSON value per key.
import { settings } from '../db/schema';
import type { StoreDb } from '../db/store';

export function readSettingRows(db: StoreDb): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const row of db.select().from(settings).all()) {
    try {
      values.set(row.key, JSON.parse(row.value));
    } catch {
      // An unreadable value falls back to the default; the row is rewritten on the next save.
    }
  }
  return values;
}

export function upsertSettingRows(db: StoreDb, entries: Record<string, unknown>, at: string): void {
  for (const [key, value] of Object.entries(entries)) {
    const encoded = JSON.stringify(value);
    db.insert(settings)
      .values({ key, value: encoded, updatedAt: at })
      .onConflictDoUpdate({ target: settings.key, set: { value: encoded, updatedAt: at } })
      .run();
  }
}
