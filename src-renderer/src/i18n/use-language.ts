// The UI language as a reactive value: components re-render when it changes.
import { useTranslation } from 'react-i18next';
import { defaultLanguage, LanguageSchema, type Language } from '../../../src-common/language';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  const parsed = LanguageSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : defaultLanguage;
}
