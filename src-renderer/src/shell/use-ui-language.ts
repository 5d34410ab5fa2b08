// Applies the stored uiLanguage to i18next and <html lang> before paint, and remembers it as the hint.
import { useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src-common/language';
import { writeLanguageHint } from '../data/language-hint';

export function useUiLanguage(language: Language | undefined): void {
  const { i18n } = useTranslation();
  useLayoutEffect(() => {
    if (!language) return;
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
    writeLanguageHint(language);
  }, [i18n, language]);
}
