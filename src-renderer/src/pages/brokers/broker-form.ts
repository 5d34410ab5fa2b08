// The broker form's values ("môi giới"): from a record or a rejected payload, to the shared schema's fields.
import type { FormErrors } from '@mantine/form';
import { brokerFieldsSchema, type BrokerFields } from '../../../../src-common/domain/organisation';
import type { FieldIssue } from '../../bridge/contract-call';
import { clean, contactOf, errorsFromIssues, fieldsHolder, firstKeyOf, isObject, parseWith, str, type FormParse, type FormRules } from '../registry/record-form';

export const brokerFieldKeys = ['name', 'country', 'phone', 'email', 'commissionTerms'] as const;
export type BrokerFieldKey = (typeof brokerFieldKeys)[number];
export type BrokerFormValues = Record<BrokerFieldKey, string>;

export const emptyBrokerValues: BrokerFormValues = { name: '', country: '', phone: '', email: '', commissionTerms: '' };

export function brokerValuesFrom(source: unknown): BrokerFormValues {
  const holder = fieldsHolder(source);
  const contact = isObject(holder.contact) ? holder.contact : {};
  return {
    name: str(holder.name),
    country: str(holder.country),
    phone: str(contact.phone),
    email: str(contact.email),
    commissionTerms: str(holder.commissionTerms),
  };
}

const brokerRules: FormRules<BrokerFormValues, BrokerFields> = {
  schema: brokerFieldsSchema,
  candidate: (values) => ({
    name: clean(values.name),
    country: clean(values.country).toUpperCase(),
    contact: contactOf(values.phone, values.email),
    commissionTerms: clean(values.commissionTerms),
  }),
  fieldOfPath: firstKeyOf(brokerFieldKeys),
  message: (t, field) =>
    field === 'phone' || field === 'email' ? t(`employers.fields.${field}.invalid`) : t(`enterprise.brokers.fields.${field as 'name' | 'country' | 'commissionTerms'}.invalid`),
};

export function parseBroker(values: BrokerFormValues): FormParse<BrokerFields> {
  return parseWith(brokerRules, values);
}

export function brokerErrorsFromIssues(issues: FieldIssue[]): FormErrors {
  return errorsFromIssues(brokerRules, issues);
}
