// Who may see which record: one rule, in TypeScript (single rows) and SQL (pulls), kept equal by a test.
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { EntityKind } from '../../../src-common/portal-api/sync.api';
import { changeLog } from '../db/schema';
import type { Principal } from './principal';

/** Where a record belongs; written on each change-log row when the change happens. */
export interface RowScope {
  entity: EntityKind;
  enterpriseId: string | null;
  branchId: string | null;
  provinceCode: string | null;
  communeCode: string | null;
}

/** Enterprise-wide records a branch may read: the profile and the shared registries. */
const sharedWithBranches: readonly EntityKind[] = ['enterprise', 'employer', 'broker'];
/** What the system administrator maintains; it does not read enterprises' filings or registries. */
const administeredEntities: readonly EntityKind[] = ['enterprise', 'branch', 'agency'];

/**
 * - system administrator: organisations (enterprises, branches, agencies);
 * - enterprise admin: everything of its enterprise;
 * - branch staff: its branch's records, plus the enterprise profile and shared registries;
 * - officers: enterprise records in their jurisdiction (central: all; province: its province;
 *   commune: its commune).
 */
export function isVisible(principal: Principal, row: RowScope): boolean {
  switch (principal.role) {
    case 'systemAdmin':
      return administeredEntities.includes(row.entity);
    case 'enterpriseAdmin':
      return row.enterpriseId !== null && row.enterpriseId === principal.enterpriseId;
    case 'branchStaff':
      return (
        principal.branchId !== undefined &&
        row.enterpriseId !== null &&
        row.enterpriseId === principal.enterpriseId &&
        (row.branchId === principal.branchId || (row.branchId === null && sharedWithBranches.includes(row.entity)))
      );
    case 'officer':
    case 'communeOfficer': {
      const j = principal.jurisdiction;
      if (!j || (row.enterpriseId === null && row.communeCode === null)) return false;
      if (j.level === 'central') return true;
      if (j.level === 'province') return row.provinceCode !== null && row.provinceCode === j.provinceCode;
      return row.communeCode !== null && row.communeCode === j.communeCode;
    }
  }
}

const never = sql`false`;

/** The columns a visibility condition reads; `entity` is a column, or a constant for one-entity tables. */
export interface ScopeColumns {
  entity: AnyPgColumn | EntityKind;
  enterpriseId: AnyPgColumn;
  branchId: AnyPgColumn | null;
  provinceCode: AnyPgColumn;
  communeCode: AnyPgColumn | null;
}

const changeLogColumns: ScopeColumns = {
  entity: changeLog.entity,
  enterpriseId: changeLog.enterpriseId,
  branchId: changeLog.branchId,
  provinceCode: changeLog.provinceCode,
  communeCode: changeLog.communeCode,
};

function entityIn(entity: ScopeColumns['entity'], list: readonly EntityKind[]): SQL {
  if (typeof entity === 'string') return list.includes(entity) ? sql`true` : never;
  return inArray(entity, [...list]);
}
const isNullOrAbsent = (column: AnyPgColumn | null): SQL => (column ? isNull(column) : sql`true`);
const isNotNullOrAbsent = (column: AnyPgColumn | null): SQL => (column ? isNotNull(column) : never);

/** The same rule as `isVisible`, as an SQL condition (default: over change_log rows). */
export function visibleWhere(principal: Principal, c: ScopeColumns = changeLogColumns): SQL {
  switch (principal.role) {
    case 'systemAdmin':
      return entityIn(c.entity, administeredEntities);
    case 'enterpriseAdmin':
      return principal.enterpriseId ? eq(c.enterpriseId, principal.enterpriseId) : never;
    case 'branchStaff': {
      if (!principal.enterpriseId || !principal.branchId) return never;
      const ownBranch = c.branchId ? eq(c.branchId, principal.branchId) : never;
      return and(
        eq(c.enterpriseId, principal.enterpriseId),
        or(ownBranch, and(isNullOrAbsent(c.branchId), entityIn(c.entity, sharedWithBranches))),
      )!;
    }
    case 'officer':
    case 'communeOfficer': {
      const j = principal.jurisdiction;
      if (!j) return never;
      const enterpriseOrCommuneRecord = or(isNotNull(c.enterpriseId), isNotNullOrAbsent(c.communeCode))!;
      if (j.level === 'central') return enterpriseOrCommuneRecord;
      if (j.level === 'province') {
        return j.provinceCode ? and(enterpriseOrCommuneRecord, eq(c.provinceCode, j.provinceCode))! : never;
      }
      return j.communeCode && c.communeCode ? eq(c.communeCode, j.communeCode) : never;
    }
  }
}
