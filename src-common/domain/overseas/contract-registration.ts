// The content of a contract registration ("đăng ký hợp đồng") and of a short internship's worker list.
import { z } from 'zod';
import { countryCodeSchema, isoDateSchema } from '../organisation';
import { checkFees, defaultFeeCaps, type FeeCaps } from './fee-caps';
import { addDays, addMonths, daysBetween } from './iso-date';
import { passportValidThrough } from './passport';
import { onlyWhenFieldsValid } from './cross-field';
import { currencyCodeSchema, moneySchema, workerContractEnd, workerEntrySchema, type WorkerEntry } from './worker-entry';

const text = (max: number) => z.string().trim().min(1).max(max);
/** A clause of the contract, as the enterprise words it (Law 69/2020 Art. 19 lists what it must cover). */
const clause = text(4000);
const amountSchema = z.number().min(0).max(1e12);

/**
 * supply: a supply contract with a foreign employer, through a service enterprise;
 * contractor: an enterprise that won a bid or invests abroad, sending its own workers;
 * internship: a skills internship ("thực tập nâng cao tay nghề").
 */
export const contractKinds = ['supply', 'contractor', 'internship'] as const;
export const contractKindSchema = z.enum(contractKinds);
export type ContractKind = z.infer<typeof contractKindSchema>;

/** Internships shorter than this file a worker list instead of a registration. */
export const internshipRegistrationMinDays = 90;

export const contractTermSchema = z
  .strictObject({
    start: isoDateSchema,
    months: z.int().min(1).max(120).optional(),
    days: z.int().min(1).max(3660).optional(),
  })
  .refine((term) => (term.months === undefined) !== (term.days === undefined), { message: 'termMonthsOrDays' });
export type ContractTerm = z.infer<typeof contractTermSchema>;

/** The contract's last day: `months` later less a day (1 Jan + 3 months ends 31 Mar), or the `days`-th day. */
export function contractEndOf(term: ContractTerm): string {
  return term.months !== undefined ? addDays(addMonths(term.start, term.months), -1) : addDays(term.start, (term.days ?? 1) - 1);
}

/** Length of the term in days, first and last day included. */
export function termDaysOf(term: ContractTerm): number {
  return daysBetween(term.start, contractEndOf(term)) + 1;
}

/** Length in months for the fee caps (a term given in days counts 30 days a month). */
export function termMonthsOf(term: ContractTerm): number {
  return term.months ?? (term.days ?? 0) / 30;
}

/** Which filing a contract needs: a skills internship under 90 days files only a worker list. */
export function registrationFilingTypeFor(kind: ContractKind, termDays: number): 'contractRegistration' | 'internshipWorkerList' {
  return kind === 'internship' && termDays < internshipRegistrationMinDays ? 'internshipWorkerList' : 'contractRegistration';
}

export const attachmentKinds = ['registrationLetter', 'contractCopy', 'certifiedTranslation', 'employerLegalStatus', 'other'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];
export const attachmentMimeTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
/** Largest attachment (a scanned letter or contract is a few MB): one limit for the form, the client store and the portal. */
export const attachmentMaxBytes = 20 * 1024 * 1024;

/** An attachment of the dossier, named by its SHA-256 so the signature covers its bytes. */
export const attachmentSchema = z.strictObject({
  kind: z.enum(attachmentKinds),
  name: text(255),
  mime: z.enum(attachmentMimeTypes),
  size: z.int().min(1).max(attachmentMaxBytes),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256' }),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/**
 * Attachments every registration needs, and those a supply contract adds (the foreign employer's
 * contract in a certified Vietnamese translation, and proof that the employer legally exists).
 */
export const requiredAttachments: Record<ContractKind, readonly AttachmentKind[]> = {
  supply: ['registrationLetter', 'contractCopy', 'certifiedTranslation', 'employerLegalStatus'],
  contractor: ['registrationLetter', 'contractCopy'],
  internship: ['registrationLetter', 'contractCopy'],
};

export const attachmentMissingKeys: Record<Exclude<AttachmentKind, 'other'>, string> = {
  registrationLetter: 'attachmentRegistrationLetterMissing',
  contractCopy: 'attachmentContractCopyMissing',
  certifiedTranslation: 'attachmentCertifiedTranslationMissing',
  employerLegalStatus: 'attachmentEmployerLegalStatusMissing',
};

/** The contents Law 69/2020/QH14 Art. 19 requires of a contract. */
export const contractTermsSchema = z.strictObject({
  workingConditions: clause,
  hoursAndRest: clause,
  occupationalSafety: clause,
  wages: z.strictObject({ monthly: moneySchema, overtime: clause, hostCountryDeductions: clause }),
  foodLodgingCommuting: clause,
  healthCare: clause,
  insurance: clause,
  earlyTerminationAndCompensation: clause,
  /** What the foreign party pays the enterprise as service fee (it lowers what workers may be asked). */
  serviceFeeFromForeignParty: z.strictObject({ amount: amountSchema, currency: currencyCodeSchema, terms: clause.optional() }),
  travelCosts: clause,
  risks: clause,
  handlingProblemsAbroad: clause,
  disputesAndApplicableLaw: clause,
});

/** What each worker pays, in the currency of the contract wage; checked against the fee caps. */
export const workerFeesSchema = z.strictObject({
  currency: currencyCodeSchema,
  serviceFeePerWorker: amountSchema,
  brokerCommissionPerWorker: amountSchema,
});

export const workerListSchema = z.array(workerEntrySchema).min(1).max(10_000);

type IssueSink = { addIssue: (issue: { code: 'custom'; path: (string | number)[]; message: string; params?: Record<string, unknown> }) => void };

/** Checks both filings share: signing before the start, a foreign host country, the worker list against the term. */
function commonIssues(
  content: { signedOn: string; term: ContractTerm; hostCountry: string; workers: WorkerEntry[] },
  ctx: IssueSink,
): void {
  if (content.term.start < content.signedOn) ctx.addIssue({ code: 'custom', path: ['term', 'start'], message: 'contractStartsBeforeSigning' });
  if (content.hostCountry === 'VN') ctx.addIssue({ code: 'custom', path: ['hostCountry'], message: 'hostCountryIsVietnam' });
  const contractEnd = contractEndOf(content.term);
  const seen = new Set<string>();
  content.workers.forEach((worker, index) => {
    if (seen.has(worker.citizenId)) ctx.addIssue({ code: 'custom', path: ['workers', index, 'citizenId'], message: 'duplicateWorker' });
    seen.add(worker.citizenId);
    // Already refused against the worker's own contract end: one issue per field is enough.
    const ownEnd = workerContractEnd(worker.plannedDeparture, worker.contractTermMonths);
    if (passportValidThrough(worker.passport.expiresOn, ownEnd) && !passportValidThrough(worker.passport.expiresOn, contractEnd)) {
      ctx.addIssue({ code: 'custom', path: ['workers', index, 'passport', 'expiresOn'], message: 'passportExpiresBeforeContractEnd', params: { contractEnd } });
    }
  });
}

const contractRegistrationFields = z.strictObject({
  kind: contractKindSchema,
  employerId: z.uuid(),
  brokerId: z.uuid().optional(),
  contractNumber: text(50),
  signedOn: isoDateSchema,
  term: contractTermSchema,
  hostCountry: countryCodeSchema,
  workplace: text(300),
  /** Planned day of the workers' visa application, once known: the worker list is due 5 working days before. */
  visaApplicationOn: isoDateSchema.optional(),
  demand: z.strictObject({
    workerCount: z.int().min(1).max(10_000),
    trades: z.array(text(150)).min(1).max(50),
    ageRange: z.strictObject({ min: z.int().min(15).max(70), max: z.int().min(15).max(70) }),
  }),
  terms: contractTermsSchema,
  fees: workerFeesSchema,
  attachments: z.array(attachmentSchema).max(50),
  workers: workerListSchema,
});
export type ContractRegistration = z.infer<typeof contractRegistrationFields>;

/** The registration schema under a given set of fee caps (an agency's overrides); the default uses the statutory ones. */
export function makeContractRegistrationSchema(caps: FeeCaps = defaultFeeCaps) {
  return contractRegistrationFields.superRefine((content, ctx) => {
    if (content.kind === 'internship' && termDaysOf(content.term) < internshipRegistrationMinDays) {
      ctx.addIssue({ code: 'custom', path: ['term'], message: 'internshipUnder90DaysFileWorkerList' });
    }
    commonIssues(content, ctx);
    const { min, max } = content.demand.ageRange;
    if (min < 18) ctx.addIssue({ code: 'custom', path: ['demand', 'ageRange', 'min'], message: 'demandMinimumAgeUnder18' });
    if (max < min) ctx.addIssue({ code: 'custom', path: ['demand', 'ageRange', 'max'], message: 'ageRangeInverted' });
    if (content.workers.length > content.demand.workerCount) ctx.addIssue({ code: 'custom', path: ['workers'], message: 'workersExceedDemand' });

    const wage = content.terms.wages.monthly;
    const termGiven = (content.term.months === undefined) !== (content.term.days === undefined);
    if (!termGiven) {
      // No term length, no cap to compare with: the term's own issue says what to fix.
    } else if (content.fees.currency !== wage.currency) {
      ctx.addIssue({ code: 'custom', path: ['fees', 'currency'], message: 'feeCurrencyMismatch' });
    } else {
      const violations = checkFees(
        { wage: wage.amount, termMonths: termMonthsOf(content.term), serviceFee: content.fees.serviceFeePerWorker, brokerCommission: content.fees.brokerCommissionPerWorker },
        caps,
      );
      for (const v of violations) {
        const field = v.fee === 'serviceFee' ? 'serviceFeePerWorker' : 'brokerCommissionPerWorker';
        ctx.addIssue({ code: 'custom', path: ['fees', field], message: v.key, params: { cap: v.cap, capMonths: v.capMonths, currency: wage.currency } });
      }
    }
    if (content.fees.brokerCommissionPerWorker > 0 && content.brokerId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['brokerId'], message: 'brokerCommissionWithoutBroker' });
    }

    const present = new Set(content.attachments.map((a) => a.kind));
    for (const kind of requiredAttachments[content.kind]) {
      if (!present.has(kind)) ctx.addIssue({ code: 'custom', path: ['attachments'], message: attachmentMissingKeys[kind as keyof typeof attachmentMissingKeys] });
    }
  }, onlyWhenFieldsValid);
}

export const contractRegistrationSchema = makeContractRegistrationSchema();

/** A skills internship under 90 days: the worker list is filed instead of a registration. */
export const internshipWorkerListSchema = z
  .strictObject({
    employerId: z.uuid(),
    contractNumber: text(50),
    signedOn: isoDateSchema,
    term: contractTermSchema,
    hostCountry: countryCodeSchema,
    workplace: text(300),
    visaApplicationOn: isoDateSchema.optional(),
    trades: z.array(text(150)).min(1).max(50),
    attachments: z.array(attachmentSchema).max(50),
    workers: workerListSchema,
  })
  .superRefine((content, ctx) => {
    if (termDaysOf(content.term) >= internshipRegistrationMinDays) {
      ctx.addIssue({ code: 'custom', path: ['term'], message: 'internship90DaysOrMoreFileRegistration' });
    }
    commonIssues(content, ctx);
  }, onlyWhenFieldsValid);
export type InternshipWorkerList = z.infer<typeof internshipWorkerListSchema>;
