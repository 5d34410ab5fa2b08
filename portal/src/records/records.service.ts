// Reading single records and filing lists, always through the caller's scope (not visible = not found).
import { and, asc, desc, eq, gt, or, type SQL } from 'drizzle-orm';
import type { FilingRecord } from '../../../src-common/portal-api/records.api';
import type { PortalDb } from '../db/connection';
import { agencies, branches, brokers, employers, enterprises, filings } from '../db/schema';
import { portalError } from '../http/portal-error';
import type { Principal } from '../scope/principal';
import { isVisible, visibleWhere, type RowScope } from '../scope/visibility';
import {
  agencyRecord,
  agencyScope,
  branchRecord,
  branchScope,
  brokerRecord,
  employerRecord,
  enterpriseRecord,
  enterpriseScope,
  filingRecord,
  filingScope,
  registryScope,
} from './record-mappers';

function visibleOr404<T>(principal: Principal, row: T | undefined, scopeOf: (row: T) => RowScope): T {
  if (!row || !isVisible(principal, scopeOf(row))) throw portalError('NOT_FOUND');
  return row;
}

const filingColumns = {
  entity: 'filing' as const,
  enterpriseId: filings.enterpriseId,
  branchId: filings.branchId,
  provinceCode: filings.provinceCode,
  communeCode: null,
};

export class RecordsService {
  constructor(private readonly db: PortalDb) {}

  async enterprise(principal: Principal, id: string) {
    const [row] = await this.db.select().from(enterprises).where(eq(enterprises.id, id));
    return enterpriseRecord(visibleOr404(principal, row, enterpriseScope));
  }

  async branch(principal: Principal, id: string) {
    const [row] = await this.db.select().from(branches).where(eq(branches.id, id));
    return branchRecord(visibleOr404(principal, row, branchScope));
  }

  async employer(principal: Principal, id: string) {
    const [row] = await this.db.select().from(employers).where(eq(employers.id, id));
    return employerRecord(visibleOr404(principal, row, (r) => registryScope('employer', r)));
  }

  async broker(principal: Principal, id: string) {
    const [row] = await this.db.select().from(brokers).where(eq(brokers.id, id));
    return brokerRecord(visibleOr404(principal, row, (r) => registryScope('broker', r)));
  }

  async agency(principal: Principal, id: string) {
    const [row] = await this.db.select().from(agencies).where(eq(agencies.id, id));
    return agencyRecord(visibleOr404(principal, row, agencyScope));
  }

  /** A filing's latest version (or the one asked for), with the numbers of all its versions. */
  async filing(principal: Principal, id: string, version?: number): Promise<FilingRecord & { versions: number[] }> {
    const rows = await this.db.select().from(filings).where(eq(filings.filingId, id)).orderBy(desc(filings.filingVersion));
    const visible = rows.filter((row) => isVisible(principal, filingScope(row)));
    const chosen = version === undefined ? visible[0] : visible.find((row) => row.filingVersion === version);
    if (!chosen) throw portalError('NOT_FOUND');
    return { ...filingRecord(chosen), versions: visible.map((row) => row.filingVersion).reverse() };
  }

  /** Filings the caller may see, oldest first, keyset-paged by (submittedAt, filingId, version). */
  async filings(principal: Principal, limit: number, after?: string): Promise<{ filings: FilingRecord[]; next: string | null }> {
    const conditions: SQL[] = [visibleWhere(principal, filingColumns)];
    if (after) {
      const [at, id, version] = after.split('|');
      const afterAt = new Date(at ?? '');
      if (Number.isNaN(afterAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? '') || !/^\d{1,4}$/.test(version ?? '')) throw portalError('VALIDATION_FAILED', { issues: [{ path: 'after', message: 'cursor' }] });
      conditions.push(
        or(
          gt(filings.submittedAt, afterAt),
          and(eq(filings.submittedAt, afterAt), gt(filings.filingId, id!)),
          and(eq(filings.submittedAt, afterAt), eq(filings.filingId, id!), gt(filings.filingVersion, Number(version))),
        )!,
      );
    }
    const rows = await this.db
      .select()
      .from(filings)
      .where(and(...conditions))
      .orderBy(asc(filings.submittedAt), asc(filings.filingId), asc(filings.filingVersion))
      .limit(limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const next = rows.length > limit && last ? `${last.submittedAt.toISOString()}|${last.filingId}|${last.filingVersion}` : null;
    return { filings: page.map(filingRecord), next };
  }
}
