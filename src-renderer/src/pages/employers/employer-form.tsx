// The employer form's values: from a record or a rejected payload, to the shared schema's fields, with errors.
import type { FormErrors } from '@mantine/form';
import { employerFieldsSchema, type EmployerFields } from '../../../../src-common/domain/organisation';
import type { FieldIssue } from '../../bridge/contract-call';
import { Translated } from '../../i18n/Translated';

export const employerFieldKeys = ['name', 'country', 'address', 'registrationNumber', 'sector', 'phone', 'email'] as const;
export type EmployerFieldKey = (typeof employerFieldKeys)[number];
export type EmployerFormValues = Record<EmployerFieldKey, string>;

export const emptyEmployerValues: EmployerFormValues = {
  name: '',
  country: '',
  address: '',
  registrationNumber: '',
  sector: '',
  phone: '',
  email: '',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Form values from whatever holds an employer: a local record (fields at the top level, as the portal
 * sends them) or an `employer.upsert` payload ({ id, fields }). Unknown or missing parts stay empty, so
 * a payload the portal refused can still be opened and corrected.
 */
export function employerValuesFrom(source: unknown): EmployerFormValues {
  const holder = isObject(source) && isObject(source.fields) ? source.fields : source;
  if (!isObject(holder)) return { ...emptyEmployerValues };
  const contact = isObject(holder.contact) ? holder.contact : {};
  return {
    name: str(holder.name),
    country: str(holder.country),
    address: str(holder.address),
    registrationNumber: str(holder.registrationNumber),
    sector: str(holder.sector),
    phone: str(contact.phone),
    email: str(contact.email),
  };
}

/** The id inside an `employer.upsert` payload (to resubmit a correction for the same record). */
export function employerIdFrom(payload: unknown): string | null {
  return isObject(payload) && typeof payload.id === 'string' ? payload.id : null;
}

/** Text as stored: NFC (input from macOS or Excel may be NFD), trimmed; empty contact parts left out. */
function candidate(values: EmployerFormValues) {
  const clean = (value: string) => value.normalize('NFC').trim();
  const phone = clean(values.phone);
  const email = clean(values.email);
  return {
    name: clean(values.name),
    country: clean(values.country).toUpperCase(),
    address: clean(values.address),
    registrationNumber: clean(values.registrationNumber),
    sector: clean(values.sector),
    contact: { ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
  };
}

function fieldOfPath(path: readonly (string | number)[]): EmployerFieldKey | null {
  const parts = path.map(String).filter((part) => part !== 'payload' && part !== 'fields' && part !== 'contact');
  const first = parts[0];
  return first && (employerFieldKeys as readonly string[]).includes(first) ? (first as EmployerFieldKey) : null;
}

function errorsFor(fields: Iterable<EmployerFieldKey>): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) {
    errors[field] = <Translated text={(t) => t(`employers.fields.${field}.invalid`)} />;
  }
  return errors;
}

export type EmployerParse = { ok: true; fields: EmployerFields } | { ok: false; errors: FormErrors };

/** Validated with employerFieldsSchema, the schema core and the portal check the payload with. */
export function parseEmployer(values: EmployerFormValues): EmployerParse {
  const parsed = employerFieldsSchema.safeParse(candidate(values));
  if (parsed.success) return { ok: true, fields: parsed.data };
  const fields = new Set<EmployerFieldKey>();
  for (const issue of parsed.error.issues) {
    const field = fieldOfPath(issue.path as (string | number)[]);
    if (field) fields.add(field);
  }
  return { ok: false, errors: errorsFor(fields) };
}

/** Core's or the portal's VALIDATION_FAILED issues (`payload.fields.contact.email`) on the fields they name. */
export function employerErrorsFromIssues(issues: FieldIssue[]): FormErrors {
  const fields = new Set<EmployerFieldKey>();
  for (const issue of issues) {
    const field = fieldOfPath(issue.path.split('.'));
    if (field) fields.add(field);
  }
  return errorsFor(fields);
}
