// The employer form's values: from a record or a rejected payload, to the shared schema's fields, with errors.
import type { FormErrors } from '@mantine/form';
import { employerFieldsSchema, type EmployerFields } from '../../../../src-common/domain/organisation';
import type { FieldIssue } from '../../bridge/contract-call';
import {
  clean,
  contactOf,
  errorsFromIssues,
  fieldsHolder,
  firstKeyOf,
  isObject,
  parseWith,
  recordIdFrom,
  str,
  type FormParse,
  type FormRules,
} from '../registry/record-form';

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

/**
 * Form values from whatever holds an employer: a local record (fields at the top level, as the portal
 * sends them) or an `employer.upsert` payload ({ id, fields }). Unknown or missing parts stay empty, so
 * a payload the portal refused can still be opened and corrected.
 */
export function employerValuesFrom(source: unknown): EmployerFormValues {
  const holder = fieldsHolder(source);
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
export const employerIdFrom = recordIdFrom;

const employerRules: FormRules<EmployerFormValues, EmployerFields> = {
  schema: employerFieldsSchema,
  candidate: (values) => ({
    name: clean(values.name),
    country: clean(values.country).toUpperCase(),
    address: clean(values.address),
    registrationNumber: clean(values.registrationNumber),
    sector: clean(values.sector),
    contact: contactOf(values.phone, values.email),
  }),
  fieldOfPath: firstKeyOf(employerFieldKeys),
  message: (t, field) => t(`employers.fields.${field as EmployerFieldKey}.invalid`),
};

export type EmployerParse = FormParse<EmployerFields>;

/** Validated with employerFieldsSchema, the schema core and the portal check the payload with. */
export function parseEmployer(values: EmployerFormValues): EmployerParse {
  return parseWith(employerRules, values);
}

/** Core's or the portal's VALIDATION_FAILED issues (`payload.fields.contact.email`) on the fields they name. */
export function employerErrorsFromIssues(issues: FieldIssue[]): FormErrors {
  return errorsFromIssues(employerRules, issues);
}
