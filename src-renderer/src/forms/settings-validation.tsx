// Settings form errors from the shared zod schema (client side) and from core's VALIDATION_FAILED issues.
import type { FormErrors } from '@mantine/form';
import { SettingsSchema, type Settings } from '../../../src-common/contract';
import type { FieldIssue } from '../bridge/contract-call';
import { isSettingKey, SettingsFieldError, type SettingsIssue } from './SettingsFieldError';

/** The same SettingsSchema core validates with; only the wording of the errors is the UI's own. */
export function validateSettings(values: Settings): FormErrors {
  const parsed = SettingsSchema.safeParse(values);
  if (parsed.success) return {};
  return toFormErrors(
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
      code: issue.code,
      maximum: issue.code === 'too_big' ? Number(issue.maximum) : undefined,
    })),
  );
}

export function toFormErrors(issues: (FieldIssue & { maximum?: number })[]): FormErrors {
  const errors: FormErrors = {};
  for (const issue of issues) {
    const field = issue.path.split('.')[0] ?? '';
    if (field in errors) continue; // The first problem of a field is the one to fix first.
    if (isSettingKey(field)) {
      const settingsIssue: SettingsIssue = { field, code: issue.code, maximum: issue.maximum };
      errors[field] = <SettingsFieldError issue={settingsIssue} />;
    } else {
      errors[field] = issue.message;
    }
  }
  return errors;
}
