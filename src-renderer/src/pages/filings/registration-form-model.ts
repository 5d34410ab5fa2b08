// The contract-registration form's values and the filing content they make, both ways. A draft keeps
// whatever was typed (a date that does not parse stays as typed, so nothing is lost); the shared
// schemas of src-common/domain/overseas judge the content, and their issues land on the form's fields.
import {
  contractEndOf,
  registrationFilingTypeFor,
  termDaysOf,
  termMonthsOf,
  type Attachment,
  type ContractKind,
} from '../../../../src-common/domain/overseas/contract-registration';
import { filingContentSchemas } from '../../../../src-common/domain/overseas/filing-content';
import { workerEntrySchema } from '../../../../src-common/domain/overseas/worker-entry';
import { issuesOfZod, type FilingIssue } from './filing-issues';

export type RegistrationFilingType = 'contractRegistration' | 'internshipWorkerList';
type NumberValue = number | '';

/** The clauses of Law 69/2020 Art. 19 that are free text, in the law's order. */
export const clauseKeys = [
  'workingConditions',
  'hoursAndRest',
  'occupationalSafety',
  'foodLodgingCommuting',
  'healthCare',
  'insurance',
  'earlyTerminationAndCompensation',
  'travelCosts',
  'risks',
  'handlingProblemsAbroad',
  'disputesAndApplicableLaw',
] as const;
export type ClauseKey = (typeof clauseKeys)[number];

export interface WorkerFormValues {
  citizenId: string;
  fullName: string;
  birthDate: string;
  gender: string;
  residence: { line: string; provinceCode: string };
  phone: string;
  passport: { number: string; expiresOn: string };
  qualification: string;
  skills: string[];
  trade: string;
  wage: { amount: NumberValue; currency: string };
  contractTermMonths: NumberValue;
  receivingParty: string;
  workAddress: string;
  plannedDeparture: string;
}

export interface RegistrationFormValues {
  kind: ContractKind;
  employerId: string;
  brokerId: string;
  contractNumber: string;
  signedOn: string;
  term: { start: string; unit: 'months' | 'days'; length: NumberValue };
  hostCountry: string;
  workplace: string;
  demand: { workerCount: NumberValue; trades: string[]; ageRange: { min: NumberValue; max: NumberValue } };
  terms: Record<ClauseKey, string> & {
    wages: { monthly: { amount: NumberValue; currency: string }; overtime: string; hostCountryDeductions: string };
    serviceFeeFromForeignParty: { amount: NumberValue; currency: string; terms: string };
  };
  fees: { serviceFeePerWorker: NumberValue; brokerCommissionPerWorker: NumberValue };
  attachments: Attachment[];
  workers: WorkerFormValues[];
}

export function emptyRegistrationValues(): RegistrationFormValues {
  return {
    kind: 'supply',
    employerId: '',
    brokerId: '',
    contractNumber: '',
    signedOn: '',
    term: { start: '', unit: 'months', length: '' },
    hostCountry: '',
    workplace: '',
    demand: { workerCount: '', trades: [], ageRange: { min: 18, max: '' } },
    terms: {
      ...(Object.fromEntries(clauseKeys.map((key) => [key, ''])) as Record<ClauseKey, string>),
      wages: { monthly: { amount: '', currency: '' }, overtime: '', hostCountryDeductions: '' },
      serviceFeeFromForeignParty: { amount: '', currency: '', terms: '' },
    },
    fees: { serviceFeePerWorker: '', brokerCommissionPerWorker: '' },
    attachments: [],
    workers: [],
  };
}

export function emptyWorkerValues(currency: string): WorkerFormValues {
  return {
    citizenId: '',
    fullName: '',
    birthDate: '',
    gender: '',
    residence: { line: '', provinceCode: '' },
    phone: '',
    passport: { number: '', expiresOn: '' },
    qualification: '',
    skills: [],
    trade: '',
    wage: { amount: '', currency },
    contractTermMonths: '',
    receivingParty: '',
    workAddress: '',
    plannedDeparture: '',
  };
}

// ---- dates: typed dd/MM/yyyy, stored ISO -------------------------------------------------------

/** "5/3/2027" or "05/03/2027" -> "2027-03-05"; an ISO date stays; anything else is kept as typed. */
export function dateInputToIso(text: string): string {
  const value = text.trim();
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (!match) return value;
  const [, day, month, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

export function isoToDateInput(value: unknown): string {
  if (typeof value !== 'string') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

// ---- values -> content ----------------------------------------------------------------------------

const text = (value: string) => value.normalize('NFC').trim();
/** Leaves out what is empty, so a draft is the user's input and nothing invented. */
function pruned(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === '' || item === undefined) continue;
    if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const inner = pruned(item as Record<string, unknown>);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else {
      out[key] = item;
    }
  }
  return out;
}
const num = (value: NumberValue) => (typeof value === 'number' && Number.isFinite(value) ? value : '');
const texts = (values: string[]) => values.map(text).filter(Boolean);

export function workerContentOf(worker: WorkerFormValues): Record<string, unknown> {
  return pruned({
    citizenId: text(worker.citizenId),
    fullName: text(worker.fullName),
    birthDate: dateInputToIso(worker.birthDate),
    gender: worker.gender,
    residence: { line: text(worker.residence.line), provinceCode: worker.residence.provinceCode },
    phone: text(worker.phone),
    passport: { number: text(worker.passport.number).toUpperCase(), expiresOn: dateInputToIso(worker.passport.expiresOn) },
    qualification: text(worker.qualification),
    skills: texts(worker.skills),
    trade: text(worker.trade),
    wage: { amount: num(worker.wage.amount), currency: text(worker.wage.currency).toUpperCase() },
    contractTermMonths: num(worker.contractTermMonths),
    receivingParty: text(worker.receivingParty),
    workAddress: text(worker.workAddress),
    plannedDeparture: dateInputToIso(worker.plannedDeparture),
  });
}

function termContentOf(values: RegistrationFormValues): Record<string, unknown> {
  return pruned({ start: dateInputToIso(values.term.start), [values.term.unit]: num(values.term.length) });
}

/** The term's length in days when the term is complete enough to tell, else null. */
export function termDaysOfValues(values: RegistrationFormValues): number | null {
  const start = dateInputToIso(values.term.start);
  const length = num(values.term.length);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || length === '' || length < 1) return null;
  return termDaysOf(values.term.unit === 'months' ? { start, months: length } : { start, days: length });
}

export function termMonthsOfValues(values: RegistrationFormValues): number | null {
  const length = num(values.term.length);
  if (length === '') return null;
  return termMonthsOf(values.term.unit === 'months' ? { start: '2000-01-01', months: length } : { start: '2000-01-01', days: length });
}

export function contractEndOfValues(values: RegistrationFormValues): string | null {
  const start = dateInputToIso(values.term.start);
  const length = num(values.term.length);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || length === '' || length < 1) return null;
  return contractEndOf(values.term.unit === 'months' ? { start, months: length } : { start, days: length });
}

/** Which filing the values make: a skills internship under 90 days files only its worker list. */
export function filingTypeOfValues(values: RegistrationFormValues): RegistrationFilingType {
  const days = termDaysOfValues(values);
  // Until the term is known, a registration (the kind of filing every contract needs by default).
  return days === null ? 'contractRegistration' : registrationFilingTypeFor(values.kind, days);
}

export function contentOfValues(values: RegistrationFormValues): { type: RegistrationFilingType; content: Record<string, unknown> } {
  const type = filingTypeOfValues(values);
  const common = {
    employerId: values.employerId,
    contractNumber: text(values.contractNumber),
    signedOn: dateInputToIso(values.signedOn),
    term: termContentOf(values),
    hostCountry: values.hostCountry,
    workplace: text(values.workplace),
  };
  const attachments = values.attachments;
  const workers = values.workers.map(workerContentOf);
  if (type === 'internshipWorkerList') {
    return { type, content: { ...pruned({ ...common, trades: texts(values.demand.trades) }), attachments, workers } };
  }
  const currency = text(values.terms.wages.monthly.currency).toUpperCase();
  const clauses = Object.fromEntries(clauseKeys.map((key) => [key, text(values.terms[key])]));
  const foreignFee = values.terms.serviceFeeFromForeignParty;
  return {
    type,
    content: {
      ...pruned({
        kind: values.kind,
        ...common,
        brokerId: values.brokerId,
        demand: {
          workerCount: num(values.demand.workerCount),
          trades: texts(values.demand.trades),
          ageRange: { min: num(values.demand.ageRange.min), max: num(values.demand.ageRange.max) },
        },
        terms: {
          ...clauses,
          wages: {
            monthly: { amount: num(values.terms.wages.monthly.amount), currency },
            overtime: text(values.terms.wages.overtime),
            hostCountryDeductions: text(values.terms.wages.hostCountryDeductions),
          },
          serviceFeeFromForeignParty: { amount: num(foreignFee.amount), currency: text(foreignFee.currency).toUpperCase(), terms: text(foreignFee.terms) },
        },
        // One currency for the wage and what the worker pays: the caps compare them in months of wage.
        fees: { currency, serviceFeePerWorker: num(values.fees.serviceFeePerWorker), brokerCommissionPerWorker: num(values.fees.brokerCommissionPerWorker) },
      }),
      attachments,
      workers,
    },
  };
}

// ---- content -> values ----------------------------------------------------------------------------

const obj = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const numberValue = (value: unknown): NumberValue => (typeof value === 'number' ? value : '');
const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);

export function workerValuesOf(content: unknown): WorkerFormValues {
  const worker = obj(content);
  const residence = obj(worker.residence);
  const passport = obj(worker.passport);
  const wage = obj(worker.wage);
  return {
    citizenId: str(worker.citizenId),
    fullName: str(worker.fullName),
    birthDate: isoToDateInput(worker.birthDate),
    gender: str(worker.gender),
    residence: { line: str(residence.line), provinceCode: str(residence.provinceCode) },
    phone: str(worker.phone),
    passport: { number: str(passport.number), expiresOn: isoToDateInput(passport.expiresOn) },
    qualification: str(worker.qualification),
    skills: strings(worker.skills),
    trade: str(worker.trade),
    wage: { amount: numberValue(wage.amount), currency: str(wage.currency) },
    contractTermMonths: numberValue(worker.contractTermMonths),
    receivingParty: str(worker.receivingParty),
    workAddress: str(worker.workAddress),
    plannedDeparture: isoToDateInput(worker.plannedDeparture),
  };
}

export function valuesOfContent(type: string, content: Record<string, unknown>): RegistrationFormValues {
  const empty = emptyRegistrationValues();
  const term = obj(content.term);
  const demand = obj(content.demand);
  const ageRange = obj(demand.ageRange);
  const terms = obj(content.terms);
  const wages = obj(terms.wages);
  const monthly = obj(wages.monthly);
  const foreignFee = obj(terms.serviceFeeFromForeignParty);
  const fees = obj(content.fees);
  const kind = type === 'internshipWorkerList' ? 'internship' : (['supply', 'contractor', 'internship'] as const).find((k) => k === content.kind) ?? 'supply';
  return {
    kind,
    employerId: str(content.employerId),
    brokerId: str(content.brokerId),
    contractNumber: str(content.contractNumber),
    signedOn: isoToDateInput(content.signedOn),
    term: { start: isoToDateInput(term.start), unit: term.days !== undefined ? 'days' : 'months', length: numberValue(term.days ?? term.months) },
    hostCountry: str(content.hostCountry),
    workplace: str(content.workplace),
    demand: {
      workerCount: numberValue(demand.workerCount),
      trades: strings(type === 'internshipWorkerList' ? content.trades : demand.trades),
      ageRange: { min: ageRange.min === undefined ? empty.demand.ageRange.min : numberValue(ageRange.min), max: numberValue(ageRange.max) },
    },
    terms: {
      ...(Object.fromEntries(clauseKeys.map((key) => [key, str(terms[key])])) as Record<ClauseKey, string>),
      wages: { monthly: { amount: numberValue(monthly.amount), currency: str(monthly.currency ?? fees.currency) }, overtime: str(wages.overtime), hostCountryDeductions: str(wages.hostCountryDeductions) },
      serviceFeeFromForeignParty: { amount: numberValue(foreignFee.amount), currency: str(foreignFee.currency), terms: str(foreignFee.terms) },
    },
    fees: { serviceFeePerWorker: numberValue(fees.serviceFeePerWorker), brokerCommissionPerWorker: numberValue(fees.brokerCommissionPerWorker) },
    attachments: Array.isArray(content.attachments) ? (content.attachments as Attachment[]) : [],
    workers: Array.isArray(content.workers) ? content.workers.map(workerValuesOf) : [],
  };
}

// ---- checks ---------------------------------------------------------------------------------------

/** The issues of the whole filing under its type's schema (the one the core checks before signing). */
export function registrationIssues(values: RegistrationFormValues): FilingIssue[] {
  const { type, content } = contentOfValues(values);
  const parsed = filingContentSchemas[type].safeParse(content);
  return parsed.success ? [] : issuesOfZod(parsed.error);
}

export function workerIssues(worker: WorkerFormValues): FilingIssue[] {
  const parsed = workerEntrySchema.safeParse(workerContentOf(worker));
  return parsed.success ? [] : issuesOfZod(parsed.error);
}

/** Where a content issue shows on the form (the term's length and the fee currency have one field each). */
export function formPathOf(path: FilingIssue['path']): string {
  const dotted = path.map(String).join('.');
  if (dotted === 'term' || dotted === 'term.months' || dotted === 'term.days') return 'term.length';
  if (dotted === 'fees.currency') return 'terms.wages.monthly.currency';
  if (dotted === 'trades') return 'demand.trades';
  return dotted;
}
