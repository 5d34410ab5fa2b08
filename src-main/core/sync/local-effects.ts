// What a mutation does to the local copy of a record, so the user sees a change before the portal has it.
import type { MutationKind, MutationPayload } from '../../../src-common/portal-api/mutations';
import type { EntityKind } from '../../../src-common/portal-api/sync.api';
import { foldVietnamese } from '../../../src-common/text';

export type RecordData = Record<string, unknown>;

export interface RecordTarget {
  entity: EntityKind;
  id: string;
}

/** The record a mutation changes: the same (entity, id) the portal's pulled change will carry. */
export function targetOf(kind: MutationKind, payload: unknown): RecordTarget {
  switch (kind) {
    case 'enterprise.updateProfile':
      return { entity: 'enterprise', id: (payload as MutationPayload<'enterprise.updateProfile'>).enterpriseId };
    case 'branch.upsert':
      return { entity: 'branch', id: (payload as MutationPayload<'branch.upsert'>).id };
    case 'employer.upsert':
      return { entity: 'employer', id: (payload as MutationPayload<'employer.upsert'>).id };
    case 'broker.upsert':
      return { entity: 'broker', id: (payload as MutationPayload<'broker.upsert'>).id };
    case 'filing.submit': {
      const p = payload as MutationPayload<'filing.submit'>;
      return { entity: 'filing', id: `${p.filingId}:${p.version}` };
    }
  }
}

/** The record as it will look once the portal applies the mutation (the portal stays the authority). */
export function applyLocally(kind: MutationKind, payload: unknown, previous: RecordData | null): RecordData {
  switch (kind) {
    case 'enterprise.updateProfile': {
      const p = payload as MutationPayload<'enterprise.updateProfile'>;
      return { ...previous, id: p.enterpriseId, ...p.profile };
    }
    case 'branch.upsert':
    case 'employer.upsert':
    case 'broker.upsert': {
      const p = payload as { id: string; fields: Record<string, unknown> };
      return { ...previous, id: p.id, ...p.fields };
    }
    case 'filing.submit': {
      const p = payload as MutationPayload<'filing.submit'>;
      return {
        id: p.filingId,
        filingVersion: p.version,
        type: p.type,
        branchId: p.branchId ?? null,
        title: p.title,
        content: p.content,
        status: 'pending',
      };
    }
  }
}

/** The folded text a record is searched by. */
export function searchTextOf(data: RecordData | null): string {
  if (!data) return '';
  const parts = [data.name, data.nameVi, data.title, data.code, data.taxCode].filter((v): v is string => typeof v === 'string');
  return foldVietnamese(parts.join(' '));
}
