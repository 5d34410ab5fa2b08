// Shared plumbing of the organisation forms (employer, broker, branch, enterprise profile): reading a record
// or a rejected payload into form values, and the shared zod schema's issues onto the form's fields.
import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldIssue } from '../../bridge/contract-call';
import { Translated } from '../../i18n/Translated';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Text as stored: NFC (input from macOS or Excel may be NFD), trimmed. */
export const clean = (value: string): string => value.normalize('NFC').trim();

/** Optional text: left out when empty, so the shared schema's `.optional()` applies. */
export function optionalText<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const text = clean(value);
  return text ? ({ [key]: text } as Record<K, string>) : {};
}

/** A contact object with only the parts filled in. */
export function contactOf(phone: string, email: string) {
  return { ...optionalText('phone', phone), ...optionalText('email', email) };
}

/**
 * The fields of a record (top level, as the portal sends them) or of an upsert payload ({ id, fields }),
 * so a payload the portal refused can be opened and corrected like a record.
 */
export function fieldsHolder(source: unknown): Record<string, unknown> {
  const holder = isObject(source) && isObject(source.fields) ? source.fields : source;
  return isObject(holder) ? holder : {};
}

/** The id inside an upsert payload (to resubmit a correction for the same record). */
export function recordIdFrom(payload: unknown): string | null {
  return isObject(payload) && typeof payload.id === 'string' ? payload.id : null;
}

export type FormParse<F> = { ok: true; fields: F } | { ok: false; errors: FormErrors };

/** Form error paths for the issue paths they come from; null for parts the form does not show. */
export type FieldOfPath = (path: readonly string[]) => string | null;

export interface FormRules<V, F> {
  schema: z.ZodType<F>;
  /** The values as the schema should see them (cleaned text, numbers, optional parts left out). */
  candidate: (values: V) => unknown;
  fieldOfPath: FieldOfPath;
  /** The inline message for a form error path: what to do, in the user's language. */
  message: (t: TFunction, field: string) => string;
}

function errorsFor<V, F>(rules: FormRules<V, F>, fields: Iterable<string>): FormErrors {
  const errors: FormErrors = {};
  for (const field of fields) errors[field] = <Translated text={(t) => rules.message(t, field)} />;
  return errors;
}

/** Validated with the shared schema core and the portal check the payload with. */
export function parseWith<V, F>(rules: FormRules<V, F>, values: V): FormParse<F> {
  const parsed = rules.schema.safeParse(rules.candidate(values));
  if (parsed.success) return { ok: true, fields: parsed.data };
  const fields = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = rules.fieldOfPath(issue.path.map(String));
    if (field) fields.add(field);
  }
  return { ok: false, errors: errorsFor(rules, fields) };
}

/** Core's or the portal's VALIDATION_FAILED issues (`payload.fields.contact.email`) on the fields they name. */
export function errorsFromIssues<V, F>(rules: FormRules<V, F>, issues: FieldIssue[]): FormErrors {
  const fields = new Set<string>();
  for (const issue of issues) {
    const field = rules.fieldOfPath(issue.path.split('.').filter((part) => part !== 'payload' && part !== 'fields'));
    if (field) fields.add(field);
  }
  return errorsFor(rules, fields);
}

/** The usual mapping: the first path part that is one of the form's keys (containers such as `contact` skipped). */
export function firstKeyOf(keys: readonly string[], containers: readonly string[] = ['contact']): FieldOfPath {
  return (path) => {
    const first = path.find((part) => !containers.includes(part));
    return first && keys.includes(first) ? first : null;
  };
}
