// The portal's PostgreSQL schema (drizzle pg-core): the one place tables are declared.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const enterprises = pgTable('enterprises', {
  id: uuid('id').primaryKey(),
  taxCode: text('tax_code').notNull().unique(),
  nameVi: text('name_vi').notNull(),
  provinceCode: text('province_code').notNull(),
  licenceExpiresOn: date('licence_expires_on', { mode: 'string' }).notNull(),
  /** The rest of the profile (licence, addresses, representative, contact) as the shared schema has it. */
  profile: jsonb('profile').notNull(),
  version: integer('version').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const branches = pgTable(
  'branches',
  {
    id: uuid('id').primaryKey(),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    code: text('code').notNull(),
    provinceCode: text('province_code').notNull(),
    functions: text('functions').array().notNull(),
    fields: jsonb('fields').notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [uniqueIndex('branches_enterprise_code').on(t.enterpriseId, t.code)],
);

export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  provinceCode: text('province_code'),
  communeCode: text('commune_code'),
  version: integer('version').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
});

export const accounts = pgTable('accounts', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role').notNull(),
  enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
  branchId: uuid('branch_id').references(() => branches.id),
  agencyId: uuid('agency_id').references(() => agencies.id),
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: boolean('must_change_password').notNull(),
  /** Set while the password is a temporary one issued by an administrator. */
  temporaryPasswordExpiresAt: timestamptz('temporary_password_expires_at'),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamptz('locked_until'),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamptz('created_at').notNull(),
  passwordChangedAt: timestamptz('password_changed_at'),
});

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the bearer token; the token itself is never stored. */
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id').notNull().references(() => accounts.id),
    /** 'full', or 'changePassword' for a session that may only change the password. */
    purpose: text('purpose').notNull(),
    createdAt: timestamptz('created_at').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [index('sessions_account').on(t.accountId)],
);

const ownedEntity = {
  id: uuid('id').primaryKey(),
  enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
  name: text('name').notNull(),
  country: text('country').notNull(),
  provinceCode: text('province_code').notNull(),
  fields: jsonb('fields').notNull(),
  version: integer('version').notNull(),
  updatedAt: timestamptz('updated_at').notNull(),
};

export const employers = pgTable('employers', { ...ownedEntity }, (t) => [index('employers_enterprise').on(t.enterpriseId)]);
export const brokers = pgTable('brokers', { ...ownedEntity }, (t) => [index('brokers_enterprise').on(t.enterpriseId)]);

export const filings = pgTable(
  'filings',
  {
    filingId: uuid('filing_id').notNull(),
    filingVersion: integer('filing_version').notNull(),
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    branchId: uuid('branch_id').references(() => branches.id),
    provinceCode: text('province_code').notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    title: text('title').notNull(),
    content: jsonb('content').notNull(),
    signature: text('signature'),
    /**
     * Or, for a manifest-signed filing: the signed manifest, its signature and this filing's inclusion
     * proof (src-common/signing/manifest-signature.schema.ts), kept so anyone can re-verify it later.
     */
    signatureManifest: jsonb('signature_manifest'),
    /** The portal's signed acknowledgement (biên nhận): reference, filing hash, received time. */
    receipt: jsonb('receipt'),
    submittedBy: uuid('submitted_by').notNull().references(() => accounts.id),
    submittedAt: timestamptz('submitted_at').notNull(),
    version: integer('version').notNull(),
    updatedAt: timestamptz('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.filingId, t.filingVersion] }),
    index('filings_enterprise_submitted').on(t.enterpriseId, t.submittedAt, t.filingId),
    index('filings_province_submitted').on(t.provinceCode, t.submittedAt, t.filingId),
  ],
);

/**
 * Every change any client may pull, in commit order. The scope columns say who may see the row; they
 * are computed once, when the change is written (see scope/visibility.ts).
 */
export const changeLog = pgTable(
  'change_log',
  {
    seq: bigserial('seq', { mode: 'bigint' }).primaryKey(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    version: integer('version').notNull(),
    op: text('op').notNull(),
    data: jsonb('data').notNull(),
    enterpriseId: uuid('enterprise_id'),
    branchId: uuid('branch_id'),
    provinceCode: text('province_code'),
    communeCode: text('commune_code'),
    /** The pushed mutation that made this change (null for administrative writes): lets a client close
     *  an outbox entry from the pull when the push answer was lost. */
    mutationId: uuid('mutation_id'),
    at: timestamptz('at').notNull(),
  },
  (t) => [
    index('change_log_enterprise_seq').on(t.enterpriseId, t.seq),
    index('change_log_province_seq').on(t.provinceCode, t.seq),
    index('change_log_commune_seq').on(t.communeCode, t.seq).where(sql`${t.communeCode} is not null`),
  ],
);

/** Mutations already applied, by their UUIDv7: the idempotency record that makes re-sending safe. */
export const appliedMutations = pgTable('applied_mutations', {
  id: uuid('id').primaryKey(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  kind: text('kind').notNull(),
  changeSeq: bigint('change_seq', { mode: 'bigint' }).notNull(),
  appliedAt: timestamptz('applied_at').notNull(),
});

/** The simulated population registry ("CSDL quốc gia về dân cư"). */
export const populationPeople = pgTable('population_people', {
  citizenId: text('citizen_id').primaryKey(),
  fullName: text('full_name').notNull(),
  birthDate: date('birth_date', { mode: 'string' }).notNull(),
  gender: text('gender').notNull(),
  provinceCode: text('province_code').notNull(),
});

/** Small key/value facts about this portal database (e.g. how the registry was seeded). */
export const portalMeta = pgTable('portal_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});

/** One-time challenges for signing in with a USB token (stored hashed; used once; short-lived). */
export const authChallenges = pgTable('auth_challenges', {
  challengeHash: text('challenge_hash').primaryKey(),
  expiresAt: timestamptz('expires_at').notNull(),
  usedAt: timestamptz('used_at'),
});

/** bytea: raw bytes (Buffer with node-postgres, Uint8Array with PGlite). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * Dossier attachments an enterprise uploaded, content-addressed. Keyed by (enterprise, hash): one
 * enterprise never reads another's bytes by naming a hash it learnt or guessed.
 */
export const attachments = pgTable(
  'attachments',
  {
    enterpriseId: uuid('enterprise_id').notNull().references(() => enterprises.id),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    uploadedBy: uuid('uploaded_by').notNull().references(() => accounts.id),
    uploadedAt: timestamptz('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.sha256] })],
);
