// Calendar arithmetic on ISO dates (YYYY-MM-DD) without time zones: contract ends, ages, term lengths.

interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number;
}

function parts(iso: string): CalendarDate {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function format({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 (UTC midnight), so differences are whole days whatever the host's zone. */
function dayNumber(iso: string): number {
  const { year, month, day } = parts(iso);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function addDays(iso: string, days: number): string {
  const date = new Date((dayNumber(iso) + days) * 86_400_000);
  return format({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** Same day `months` later; a day the target month lacks becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parts(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Full years of age on `on` for someone born on `birthDate`: the birthday itself counts, so a person
 * is 18 on their 18th birthday. Someone born on 29 February comes of age on 1 March in common years.
 */
export function fullYearsOn(birthDate: string, on: string): number {
  const born = parts(birthDate);
  const day = parts(on);
  const hadBirthday = day.month > born.month || (day.month === born.month && day.day >= born.day);
  return day.year - born.year - (hadBirthday ? 0 : 1);
}
