// One worker of an overseas-worker list: the fields of the overseas-worker database, checked together.
import { z } from 'zod';
import { isCitizenId, parseCitizenId } from '../identifiers';
import { addressSchema, isoDateSchema } from '../organisation';
import { onlyWhenFieldsValid } from './cross-field';
import { addDays, addMonths, fullYearsOn } from './iso-date';
import { passportNumberSchema, passportValidThrough } from './passport';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Law 69/2020/QH14 Art. 44: a worker going abroad under contract must be 18 full years old. */
export const minimumWorkerAge = 18;

/** Letters (any script, precomposed or with combining marks), spaces, apostrophes, dots and hyphens. */
const personNamePattern = /^[\p{L}\p{M}]+(?:[ .'’-]+[\p{L}\p{M}]+)*\.?$/u;

// NFC so that a name typed with combining marks (NFD, e.g. from macOS) is stored and compared as one form.
export const personNameSchema = z
  .string()
  .trim()
  .overwrite((name) => name.normalize('NFC').replace(/\s+/g, ' '))
  .min(1)
  .max(150)
  .regex(personNamePattern, { message: 'personName' });

export const citizenIdSchema = z.string().trim().refine(isCitizenId, { message: 'citizenId' });

/** Vietnamese mobile numbers: 0 or +84, then 3/5/7/8/9 and eight digits; spaces, dots and hyphens allowed. */
export function isVietnameseMobile(value: string): boolean {
  return /^(?:\+84|0)[35789]\d{8}$/.test(value.replace(/[ .-]/g, ''));
}
export const vietnameseMobileSchema = z.string().trim().refine(isVietnameseMobile, { message: 'vietnameseMobile' });

/** ISO 4217 alphabetic code (the form; the list itself changes and is not pinned here). */
export const currencyCodeSchema = z.string().regex(/^[A-Z]{3}$/, { message: 'currencyCode' });

export const moneySchema = z.strictObject({
  amount: z.number().positive().max(1e12),
  currency: currencyCodeSchema,
});
export type Money = z.infer<typeof moneySchema>;

export const genderSchema = z.enum(['male', 'female']);

/** Contract term of a worker's placement contract, in months (Law 69/2020 allows long terms; 10 years bounds typos). */
export const contractTermMonthsSchema = z.int().min(1).max(120);

/** The worker's own contract's last day: from the planned departure, for the contract term. */
export function workerContractEnd(plannedDeparture: string, termMonths: number): string {
  return addDays(addMonths(plannedDeparture, termMonths), -1);
}

const workerEntryFields = z.strictObject({
  /** The worker's code in the overseas-worker database. */
  citizenId: citizenIdSchema,
  fullName: personNameSchema,
  birthDate: isoDateSchema,
  gender: genderSchema,
  residence: addressSchema,
  phone: vietnameseMobileSchema,
  passport: z.strictObject({ number: passportNumberSchema, expiresOn: isoDateSchema }),
  qualification: text(200),
  skills: z.array(text(150)).max(20),
  trade: text(150),
  wage: moneySchema,
  contractTermMonths: contractTermMonthsSchema,
  receivingParty: text(300),
  workAddress: text(300),
  plannedDeparture: isoDateSchema,
});
export type WorkerEntry = z.infer<typeof workerEntryFields>;

/** Cross-field checks of one worker, with paths inside the entry (a list prefixes its index). */
export function workerEntryIssues(worker: WorkerEntry): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const id = parseCitizenId(worker.citizenId);
  if (id) {
    if (id.birthYear !== Number(worker.birthDate.slice(0, 4))) issues.push({ path: ['citizenId'], message: 'citizenIdBirthMismatch' });
    if (id.gender !== worker.gender) issues.push({ path: ['citizenId'], message: 'citizenIdGenderMismatch' });
  }
  if (fullYearsOn(worker.birthDate, worker.plannedDeparture) < minimumWorkerAge) {
    issues.push({ path: ['birthDate'], message: 'workerUnderage' });
  }
  if (!passportValidThrough(worker.passport.expiresOn, workerContractEnd(worker.plannedDeparture, worker.contractTermMonths))) {
    issues.push({ path: ['passport', 'expiresOn'], message: 'passportExpiresBeforeContractEnd' });
  }
  return issues;
}

export const workerEntrySchema = workerEntryFields.superRefine((worker, ctx) => {
  for (const issue of workerEntryIssues(worker)) ctx.addIssue({ code: 'custom', ...issue });
}, onlyWhenFieldsValid);
