// Money in its own currency through Intl (VND without decimals: 15.000.000 ₫; foreign wages as their currency has them).
import type { Language } from '../../../src-common/language';
import { intlLocale } from './format';

export function formatMoney(amount: number, currency: string, language: Language): string {
  try {
    return new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency, ...(currency === 'VND' ? { maximumFractionDigits: 0 } : {}) }).format(amount);
  } catch {
    // A code Intl does not know (still being typed): the number and the code as entered.
    return `${new Intl.NumberFormat(intlLocale(language)).format(amount)} ${currency}`;
  }
}
