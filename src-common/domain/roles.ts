// Who a portal account is: its role, and the functions an enterprise delegates to a branch.
import { z } from 'zod';

export const roles = ['enterpriseAdmin', 'branchStaff', 'officer', 'communeOfficer', 'systemAdmin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** What an enterprise admin may delegate to a branch ("phân quyền cho chi nhánh"). */
export const branchFunctions = ['registerContracts', 'manageWorkers', 'liquidate', 'reports'] as const;
export const branchFunctionSchema = z.enum(branchFunctions);
export type BranchFunction = z.infer<typeof branchFunctionSchema>;

/** Agency levels: the central department sees everything, a province its province, a commune its commune. */
export const agencyLevels = ['central', 'province', 'commune'] as const;
export const agencyLevelSchema = z.enum(agencyLevels);
export type AgencyLevel = z.infer<typeof agencyLevelSchema>;
