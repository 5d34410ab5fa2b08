// Types `t()` keys from the Vietnamese tree, so a misspelt key fails the typecheck.
import 'i18next';
import type { vi } from './vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof vi };
  }
}
