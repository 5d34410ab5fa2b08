// The label of the field an issue is about ("Người lao động dòng 2 — Số CCCD"), for issue lists away from the form.
import type { TFunction } from 'i18next';
import type { FilingIssue } from './filing-issues';
import { formPathOf } from './registration-form-model';

/** Form paths to their labels (filings.fields.* and filings.worker.fields.*). */
export const contractFieldLabels = {
  kind: 'filings.fields.kind',
  employerId: 'filings.fields.employerId',
  brokerId: 'filings.fields.brokerId',
  contractNumber: 'filings.fields.contractNumber',
  signedOn: 'filings.fields.signedOn',
  'term.start': 'filings.fields.termStart',
  'term.length': 'filings.fields.termLength',
  hostCountry: 'filings.fields.hostCountry',
  workplace: 'filings.fields.workplace',
  'demand.workerCount': 'filings.fields.workerCount',
  'demand.trades': 'filings.fields.trades',
  'demand.ageRange.min': 'filings.fields.ageMin',
  'demand.ageRange.max': 'filings.fields.ageMax',
  'terms.workingConditions': 'filings.fields.workingConditions',
  'terms.hoursAndRest': 'filings.fields.hoursAndRest',
  'terms.occupationalSafety': 'filings.fields.occupationalSafety',
  'terms.wages.monthly.amount': 'filings.fields.wageMonthly',
  'terms.wages.monthly.currency': 'filings.fields.currency',
  'terms.wages.overtime': 'filings.fields.overtime',
  'terms.wages.hostCountryDeductions': 'filings.fields.hostCountryDeductions',
  'terms.foodLodgingCommuting': 'filings.fields.foodLodgingCommuting',
  'terms.healthCare': 'filings.fields.healthCare',
  'terms.insurance': 'filings.fields.insurance',
  'terms.earlyTerminationAndCompensation': 'filings.fields.earlyTerminationAndCompensation',
  'terms.serviceFeeFromForeignParty.amount': 'filings.fields.foreignPartyFeeAmount',
  'terms.serviceFeeFromForeignParty.currency': 'filings.fields.foreignPartyFeeCurrency',
  'terms.serviceFeeFromForeignParty.terms': 'filings.fields.foreignPartyFeeTerms',
  'terms.travelCosts': 'filings.fields.travelCosts',
  'terms.risks': 'filings.fields.risks',
  'terms.handlingProblemsAbroad': 'filings.fields.handlingProblemsAbroad',
  'terms.disputesAndApplicableLaw': 'filings.fields.disputesAndApplicableLaw',
  'fees.serviceFeePerWorker': 'filings.fields.serviceFeePerWorker',
  'fees.brokerCommissionPerWorker': 'filings.fields.brokerCommissionPerWorker',
  attachments: 'filings.fields.attachments',
  workers: 'filings.fields.workers',
} as const;

export const workerFieldLabels = {
  citizenId: 'filings.worker.fields.citizenId',
  fullName: 'filings.worker.fields.fullName',
  birthDate: 'filings.worker.fields.birthDate',
  gender: 'filings.worker.fields.gender',
  'residence.line': 'filings.worker.fields.residenceLine',
  'residence.provinceCode': 'filings.worker.fields.provinceCode',
  phone: 'filings.worker.fields.phone',
  'passport.number': 'filings.worker.fields.passportNumber',
  'passport.expiresOn': 'filings.worker.fields.passportExpiresOn',
  qualification: 'filings.worker.fields.qualification',
  skills: 'filings.worker.fields.skills',
  trade: 'filings.worker.fields.trade',
  'wage.amount': 'filings.worker.fields.wageAmount',
  'wage.currency': 'filings.worker.fields.wageCurrency',
  contractTermMonths: 'filings.worker.fields.contractTermMonths',
  receivingParty: 'filings.worker.fields.receivingParty',
  workAddress: 'filings.worker.fields.workAddress',
  plannedDeparture: 'filings.worker.fields.plannedDeparture',
} as const;

function labelIn<T extends Record<string, string>>(labels: T, path: string): T[keyof T] | null {
  // The longest known prefix: "terms.wages.monthly" issues belong to the wage's amount field.
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const key = parts.join('.');
    if (key in labels) return labels[key as keyof T];
  }
  if (path === 'terms.wages.monthly') return labels['terms.wages.monthly.amount' as keyof T] ?? null;
  return null;
}

export function workerFieldLabel(t: TFunction, path: string): string {
  const key = labelIn(workerFieldLabels, path);
  return key ? t(key) : t('filings.worker.title');
}

export function issueLabel(t: TFunction, path: FilingIssue['path']): string {
  if (path[0] === 'workers' && typeof path[1] === 'number') {
    const row = t('filings.worker.row', { row: path[1] + 1 });
    return path.length > 2 ? `${row} — ${workerFieldLabel(t, path.slice(2).map(String).join('.'))}` : row;
  }
  const key = labelIn(contractFieldLabels, formPathOf(path));
  return key ? t(key) : t('filings.fields.content');
}
