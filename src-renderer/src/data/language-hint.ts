// The last UI language, remembered locally only so the lock screen speaks it before settings can be read.
import { defaultLanguage, LanguageSchema, type Language } from '../../../src-common/language';

const storageKey = 'labordesk.uiLanguageHint';

export function readLanguageHint(): Language {
  try {
    const parsed = LanguageSchema.safeParse(window.localStorage.getItem(storageKey));
    return parsed.success ? parsed.data : defaultLanguage;
  } catch {
    return defaultLanguage; // Storage can be disabled; the hint is a nicety.
  }
}

export function writeLanguageHint(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // See readLanguageHint.
  }
}
