// The local store's drizzle schema, in one place; drizzle-kit generates the migrations from it.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** User preferences, one JSON value per key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Append-only audit log. Each entry's hash covers its fields and the previous entry's hash, so a
 * changed, removed or reordered row breaks the chain (see audit/audit-chain.ts). Triggers in the
 * migration refuse UPDATE and DELETE.
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target').notNull(),
  details: text('details').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
