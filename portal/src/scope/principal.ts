// The signed-in caller, as every route and service sees it: role plus the organisation it acts for.
import type { AgencyLevel, BranchFunction, Role } from '../../../src-common/domain/roles';

export interface Jurisdiction {
  level: AgencyLevel;
  provinceCode?: string;
  communeCode?: string;
}

export interface Principal {
  accountId: string;
  username: string;
  role: Role;
  enterpriseId?: string;
  branchId?: string;
  /** Branch staff only: what the enterprise currently delegates to the branch. */
  branchFunctions?: BranchFunction[];
  agencyId?: string;
  jurisdiction?: Jurisdiction;
}
