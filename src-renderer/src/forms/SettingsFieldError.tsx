// The inline error of one settings field, in the current language and saying what to enter instead.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../src-common/contract';

export const settingKeys = ['portalUrl', 'pkcs11ModulePath', 'uiLanguage', 'updateFeedUrl'] as const satisfies readonly (keyof Settings)[];
export type SettingKey = (typeof settingKeys)[number];

export function isSettingKey(value: string): value is SettingKey {
  return (settingKeys as readonly string[]).includes(value);
}

export interface SettingsIssue {
  field: SettingKey;
  /** zod's issue code (`too_big`, `custom`, ...), from the client's parse or from core's VALIDATION_FAILED. */
  code?: string;
  maximum?: number;
}

/** A component rather than a string, so an error already shown follows a language switch. */
export function SettingsFieldError({ issue }: { issue: SettingsIssue }) {
  const { t } = useTranslation();
  if (issue.code === 'too_big' && issue.maximum !== undefined) return <>{t('settings.tooLong', { max: issue.maximum })}</>;
  return <>{t(`settings.fields.${issue.field}.invalid`)}</>;
}
