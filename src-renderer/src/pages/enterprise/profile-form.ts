// The enterprise profile form ("hồ sơ doanh nghiệp"): values from the enterprise record, to the shared
// enterpriseProfileSchema (with the published schedule of service fees), with errors on the fields.
import type { FormErrors } from '@mantine/form';
import { enterpriseProfileSchema, type EnterpriseProfile } from '../../../../src-common/domain/organisation';
import type { FieldIssue } from '../../bridge/contract-call';
import { dateInputToIso, isoToDateInput } from '../filings/registration-form-model';
import { clean, contactOf, errorsFromIssues, isObject, optionalText, parseWith, str, type FieldOfPath, type FormParse, type FormRules } from '../registry/record-form';

export interface FeeRowValues {
  market: string;
  trade: string;
  amount: number | string;
  currency: string;
  monthsOfWage: number | string;
  note: string;
}

export interface ProfileFormValues {
  nameVi: string;
  nameForeign: string;
  licenceNumber: string;
  /** dd/MM/yyyy as typed (ISO kept as is). */
  licenceIssuedOn: string;
  licenceExpiresOn: string;
  headOfficeLine: string;
  headOfficeProvince: string;
  /** Not edited here, but kept. */
  headOfficeCommune: string;
  representativeName: string;
  representativeTitle: string;
  phone: string;
  email: string;
  fees: FeeRowValues[];
}

export const profileFieldKeys = [
  'nameVi',
  'nameForeign',
  'licenceNumber',
  'licenceIssuedOn',
  'licenceExpiresOn',
  'headOfficeLine',
  'headOfficeProvince',
  'representativeName',
  'representativeTitle',
  'phone',
  'email',
] as const;
type ProfileFieldKey = (typeof profileFieldKeys)[number];
export const feeFieldKeys = ['market', 'trade', 'amount', 'currency', 'monthsOfWage', 'note'] as const;
type FeeFieldKey = (typeof feeFieldKeys)[number];

export const emptyFeeRow: FeeRowValues = { market: '', trade: '', amount: '', currency: 'VND', monthsOfWage: '', note: '' };

const numberOrEmpty = (value: unknown): number | string => (typeof value === 'number' ? value : '');

export function profileValuesFrom(record: unknown): ProfileFormValues {
  const data = isObject(record) && isObject(record.profile) ? record.profile : isObject(record) ? record : {};
  const licence = isObject(data.licence) ? data.licence : {};
  const office = isObject(data.headOffice) ? data.headOffice : {};
  const representative = isObject(data.legalRepresentative) ? data.legalRepresentative : {};
  const contact = isObject(data.contact) ? data.contact : {};
  const fees = Array.isArray(data.serviceFeeSchedule) ? data.serviceFeeSchedule.filter(isObject) : [];
  return {
    nameVi: str(data.nameVi),
    nameForeign: str(data.nameForeign),
    licenceNumber: str(licence.number),
    licenceIssuedOn: isoToDateInput(licence.issuedOn),
    licenceExpiresOn: isoToDateInput(licence.expiresOn),
    headOfficeLine: str(office.line),
    headOfficeProvince: str(office.provinceCode),
    headOfficeCommune: str(office.communeCode),
    representativeName: str(representative.fullName),
    representativeTitle: str(representative.title),
    phone: str(contact.phone),
    email: str(contact.email),
    fees: fees.map((row) => ({
      market: str(row.market),
      trade: str(row.trade),
      amount: numberOrEmpty(row.amount),
      currency: str(row.currency),
      monthsOfWage: numberOrEmpty(row.monthsOfWage),
      note: str(row.note),
    })),
  };
}

/** A number input's value for the schema: '' is left for the schema to refuse (or to leave out when optional). */
const num = (value: number | string): number | undefined => (typeof value === 'number' ? value : value.trim() === '' ? undefined : Number.NaN);

function feeRow(row: FeeRowValues) {
  const months = num(row.monthsOfWage);
  return {
    market: clean(row.market).toUpperCase(),
    trade: clean(row.trade),
    amount: num(row.amount),
    currency: clean(row.currency).toUpperCase(),
    ...(months === undefined ? {} : { monthsOfWage: months }),
    ...optionalText('note', row.note),
  };
}

/** Schema paths to form paths: `licence.expiresOn` -> licenceExpiresOn, `serviceFeeSchedule.2.amount` -> fees.2.amount. */
const fieldOfPath: FieldOfPath = (path) => {
  const parts = path[0] === 'profile' ? path.slice(1) : path;
  const [first, second, third] = parts;
  switch (first) {
    case 'nameVi':
    case 'nameForeign':
      return first;
    case 'licence':
      return second === 'number' ? 'licenceNumber' : second === 'issuedOn' ? 'licenceIssuedOn' : second === 'expiresOn' ? 'licenceExpiresOn' : null;
    case 'headOffice':
      return second === 'line' ? 'headOfficeLine' : second === 'provinceCode' ? 'headOfficeProvince' : null;
    case 'legalRepresentative':
      return second === 'fullName' ? 'representativeName' : second === 'title' ? 'representativeTitle' : null;
    case 'contact':
      return second === 'phone' || second === 'email' ? second : null;
    case 'serviceFeeSchedule':
      return second !== undefined && third !== undefined && (feeFieldKeys as readonly string[]).includes(third) ? `fees.${second}.${third}` : null;
    default:
      return null;
  }
};

const profileRules: FormRules<ProfileFormValues, EnterpriseProfile> = {
  schema: enterpriseProfileSchema,
  candidate: (values) => ({
    nameVi: clean(values.nameVi),
    ...optionalText('nameForeign', values.nameForeign),
    licence: {
      number: clean(values.licenceNumber),
      issuedOn: dateInputToIso(values.licenceIssuedOn),
      expiresOn: dateInputToIso(values.licenceExpiresOn),
    },
    headOffice: { line: clean(values.headOfficeLine), ...optionalText('communeCode', values.headOfficeCommune), provinceCode: values.headOfficeProvince },
    legalRepresentative: { fullName: clean(values.representativeName), title: clean(values.representativeTitle) },
    contact: contactOf(values.phone, values.email),
    ...(values.fees.length > 0 ? { serviceFeeSchedule: values.fees.map(feeRow) } : {}),
  }),
  fieldOfPath,
  message: (t, field) => {
    if (field === 'phone' || field === 'email') return t(`employers.fields.${field}.invalid`);
    const fee = /^fees\.\d+\.(\w+)$/.exec(field);
    if (fee) return t(`enterprise.profile.fees.fields.${fee[1] as FeeFieldKey}.invalid`);
    return t(`enterprise.profile.fields.${field as Exclude<ProfileFieldKey, 'phone' | 'email'>}.invalid`);
  },
};

export function parseProfile(values: ProfileFormValues): FormParse<EnterpriseProfile> {
  return parseWith(profileRules, values);
}

export function profileErrorsFromIssues(issues: FieldIssue[]): FormErrors {
  return errorsFromIssues(profileRules, issues);
}
