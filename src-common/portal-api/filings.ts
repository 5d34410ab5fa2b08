// Filings ("hồ sơ"): append-only versions an enterprise submits; which branch function each type needs.
import { z } from 'zod';
import type { BranchFunction } from '../domain/roles';

export const filingTypes = ['contractRegistration', 'internshipWorkerList', 'workerUpdate', 'liquidation', 'periodicReport'] as const;
export const filingTypeSchema = z.enum(filingTypes);
export type FilingType = z.infer<typeof filingTypeSchema>;

export const filingStatuses = ['submitted', 'underReview', 'approved', 'rejected', 'supplementRequested'] as const;
export const filingStatusSchema = z.enum(filingStatuses);
export type FilingStatus = z.infer<typeof filingStatusSchema>;

/** The branch function a branch needs to file each type (an enterprise admin needs none). */
export const functionRequiredToFile: Record<FilingType, BranchFunction> = {
  contractRegistration: 'registerContracts',
  internshipWorkerList: 'registerContracts',
  workerUpdate: 'manageWorkers',
  liquidation: 'liquidate',
  periodicReport: 'reports',
};
