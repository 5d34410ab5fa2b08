// The content schema of each filing type, and the registry entries (employer, broker) a content names.
import { z, type ZodType } from 'zod';
import type { FilingType } from '../../portal-api/filings';
import { contractRegistrationSchema, internshipWorkerListSchema } from './contract-registration';
import { liquidationSchema } from './liquidation';
import { workerUpdateSchema } from './worker-events';

// Periodic reports are specified with the reports (issue 9); until then any object, as before.
const notYetSpecified = z.record(z.string(), z.unknown());

export const filingContentSchemas: Record<FilingType, ZodType> = {
  contractRegistration: contractRegistrationSchema,
  internshipWorkerList: internshipWorkerListSchema,
  workerUpdate: workerUpdateSchema,
  liquidation: liquidationSchema,
  periodicReport: notYetSpecified,
};

export interface RegistryReferences {
  employerIds: string[];
  brokerIds: string[];
}

/**
 * The foreign employers and brokers a filing's content names (it must be the filing enterprise's
 * own). Read from the content as submitted, so it works before (or without) a successful parse.
 */
export function registryReferencesOf(type: FilingType, content: Record<string, unknown>): RegistryReferences {
  if (type !== 'contractRegistration' && type !== 'internshipWorkerList') return { employerIds: [], brokerIds: [] };
  const idOf = (value: unknown) => (typeof value === 'string' ? [value] : []);
  return { employerIds: idOf(content.employerId), brokerIds: idOf(content.brokerId) };
}
