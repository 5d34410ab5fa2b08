// i18next set up with both languages bundled (no loading step), Vietnamese first.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, LanguageSchema, type Language } from '../../../src-common/language';
import { en } from './en';
import { vi } from './vi';

export const i18n = i18next.createInstance();

export function initI18n(language: Language): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: ['vi', 'en'],
    // Bundled resources: initialise synchronously so the first render already has text.
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
  });
  return i18n;
}

export function currentLanguage(): Language {
  const parsed = LanguageSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : defaultLanguage;
}
