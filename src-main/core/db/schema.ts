// The local store's drizzle schema, in one place; drizzle-kit generates the migrations from it.
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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

// ---- Device store only: the portal accounts that have a data folder on this computer. ----

/**
 * One row per portal account with local data. Each account's records live in their own encrypted
 * file (`accounts/<folder>/account.db`) under their own random key, kept here, inside the
 * vault-protected device store: accounts sharing an office PC never share a file.
 */
export const accountProfiles = sqliteTable('account_profiles', {
  id: text('id').primaryKey(),
  portalUrl: text('portal_url').notNull(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  folder: text('folder').notNull().unique(),
  storeKey: text('store_key').notNull(),
  /** 1 for the account to reopen at the next start (signed in, or session expired but not signed out). */
  active: integer('active').notNull().default(0),
  lastSignedInAt: text('last_signed_in_at').notNull(),
});

// ---- Account store only: one portal account's session, records and outbox. ----

/** The cached portal session (single row): lets the app start offline and keep working. */
export const portalSession = sqliteTable('portal_session', {
  slot: integer('slot').primaryKey(),
  portalUrl: text('portal_url').notNull(),
  /** Bearer token, only ever in this encrypted file; null after a 401 until the user signs in again. */
  token: text('token'),
  expiresAt: text('expires_at'),
  account: text('account').notNull(),
  mustChangePassword: integer('must_change_password').notNull(),
  savedAt: text('saved_at').notNull(),
});

/**
 * Local records: the portal's version (replaced by every pull) and, while mutations are pending,
 * the local version (the portal's with the pending mutations re-applied on top).
 */
export const records = sqliteTable(
  'records',
  {
    entity: text('entity').notNull(),
    id: text('id').notNull(),
    serverVersion: integer('server_version'),
    serverSeq: integer('server_seq'),
    serverData: text('server_data'),
    localData: text('local_data'),
    /** Folded (no diacritics, lower-case) name or title, for search. */
    searchText: text('search_text').notNull().default(''),
    updatedAt: text('updated_at').notNull(),
    /**
     * For a filing carrying the portal's receipt: 'valid' | 'invalid' | 'unverified' (no pinned key to
     * check it with yet), as checked when pulled; null when there is no receipt.
     */
    receiptStatus: text('receipt_status'),
  },
  (t) => [primaryKey({ columns: [t.entity, t.id] }), index('records_entity_search').on(t.entity, t.searchText)],
);

/**
 * The portal's receipt keys (ECDSA P-256, SPKI DER base64), pinned on first use. A key the portal
 * publishes later that is not pinned is kept as 'unaccepted': a warning, never trusted silently.
 */
export const receiptKeys = sqliteTable('receipt_keys', {
  spki: text('spki').primaryKey(),
  keyId: text('key_id').notNull(),
  state: text('state').notNull(),
  firstSeenAt: text('first_seen_at').notNull(),
  acceptedAt: text('accepted_at'),
});

/**
 * Mutations waiting for the portal (state 'pending'), or refused by it ('rejected', the
 * needs-attention list). Written in the same transaction as the record they change.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull().unique(),
    kind: text('kind').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    payload: text('payload').notNull(),
    signature: text('signature'),
    state: text('state').notNull(),
    createdAt: text('created_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastAttemptAt: text('last_attempt_at'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    errorDetails: text('error_details'),
    rejectedAt: text('rejected_at'),
  },
  (t) => [index('outbox_state_seq').on(t.state, t.seq), index('outbox_entity').on(t.entity, t.entityId)],
);

/** Where pulling stands and how the last attempts went (single row). */
export const syncState = sqliteTable('sync_state', {
  slot: integer('slot').primaryKey(),
  cursor: text('cursor').notNull(),
  lastSuccessAt: text('last_success_at'),
  lastAttemptAt: text('last_attempt_at'),
  lastErrorCode: text('last_error_code'),
  lastErrorMessage: text('last_error_message'),
});

/** Recent sync attempts for the sync panel (the newest 100 are kept). */
export const syncAttempts = sqliteTable('sync_attempts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  outcome: text('outcome').notNull(),
  pushed: integer('pushed').notNull().default(0),
  applied: integer('applied').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  pulled: integer('pulled').notNull().default(0),
  errorCode: text('error_code'),
  errorMessage: text('error_message'),
});

/**
 * Filings being prepared on this computer (hồ sơ nháp), one row per filing version: editable while
 * 'draft'; 'signed' once signed on the token (an edit drops the signature and makes it a draft again);
 * 'submitted' once queued for the portal (the outbox entry `mutation_id`), after which the record the
 * portal sends back carries its status and receipt.
 */
export const filingDrafts = sqliteTable(
  'filing_drafts',
  {
    filingId: text('filing_id').notNull(),
    version: integer('version').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    branchId: text('branch_id'),
    /** The filing's content, JSON. */
    content: text('content').notNull(),
    state: text('state').notNull(),
    /** Detached CAdES over the canonical payload (base64), once signed. */
    signature: text('signature'),
    mutationId: text('mutation_id'),
    /** Folded title, for search. */
    searchText: text('search_text').notNull().default(''),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.filingId, t.version] }), index('filing_drafts_state').on(t.state, t.updatedAt)],
);

/** Every transition of a filing version, with who, when and (for a signature) whose and which. */
export const filingHistory = sqliteTable(
  'filing_history',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    filingId: text('filing_id').notNull(),
    version: integer('version').notNull(),
    /** 'created' | 'edited' | 'signed' | 'submitted' | 'received' | 'underReview' | 'approved' | 'rejected' | 'supplementRequested' */
    transition: text('transition').notNull(),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    /** JSON: signer and signature hash, reason, receipt reference... */
    detail: text('detail'),
  },
  (t) => [index('filing_history_filing').on(t.filingId, t.version, t.seq)],
);

/**
 * The filing versions the portal knows, one small row each, kept by triggers on `records` (migration
 * 0005) so the filings list sorts and filters without parsing every filing's content (worker lists).
 */
export const filingIndex = sqliteTable(
  'filing_index',
  {
    filingId: text('filing_id').notNull(),
    version: integer('version').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    /** The portal's status ('pending' while the submission is still in the outbox). */
    status: text('status').notNull(),
    hasReceipt: integer('has_receipt').notNull(),
    receiptStatus: text('receipt_status'),
    pending: integer('pending').notNull(),
    updatedAt: text('updated_at').notNull(),
    searchText: text('search_text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.filingId, t.version] }), index('filing_index_updated').on(t.updatedAt), index('filing_index_type').on(t.type, t.updatedAt)],
);

/**
 * A dossier's attachments (PDF, JPEG, PNG), named by their SHA-256 as filings name them. The bytes sit in
 * this SQLCipher store, so they are encrypted at rest with the account's key like every other row.
 */
export const attachments = sqliteTable('attachments', {
  sha256: text('sha256').primaryKey(),
  /** The file name as first added (no folder part). */
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  createdAt: text('created_at').notNull(),
  /** When the portal confirmed it holds the bytes for this account's enterprise (null: not yet). */
  uploadedAt: text('uploaded_at'),
});
