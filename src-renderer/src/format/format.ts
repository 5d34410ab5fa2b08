// Dates, times and sizes through Intl (vi-VN / en-GB), never hand-written formatting.
import type { Language } from '../../../src-common/language';

/** en-GB rather than en-US: day-first dates, as Vietnamese users read them in either language. */
export function intlLocale(language: Language): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}

function parts(value: Date, language: Language, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat(intlLocale(language), options).formatToParts(value)) {
    out[part.type] = part.value;
  }
  return out;
}

/** dd/MM/yyyy; assembled from parts because vi-VN's own pattern varies between ICU versions. */
export function formatDate(value: Date | string, language: Language): string {
  const p = parts(new Date(value), language, { day: '2-digit', month: '2-digit', year: 'numeric' });
  return `${p.day}/${p.month}/${p.year}`;
}

/** HH:mm, 24-hour. */
export function formatTime(value: Date | string, language: Language): string {
  const p = parts(new Date(value), language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

/** dd/MM/yyyy HH:mm (vi-VN alone would put the time first). */
export function formatDateTime(value: Date | string, language: Language): string {
  return `${formatDate(value, language)} ${formatTime(value, language)}`;
}

const byteUnits = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/** 1.234.567 bytes -> "1,2 MB" in vi-VN; decimal (SI) steps, as the unit names say. */
export function formatBytes(bytes: number, language: Language): string {
  let unit = 0;
  let value = bytes;
  while (value >= 1000 && unit < byteUnits.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(intlLocale(language), {
    style: 'unit',
    unit: byteUnits[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

export function formatInteger(value: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 0 }).format(value);
}
