// ISO dates (YYYY-MM-DD) as whole day numbers, so calendar arithmetic never meets a time zone.

const msPerDay = 86_400_000;
const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for an ISO date; throws on anything that is not a real calendar date. */
export function dayNumberOf(iso: string): number {
  const match = isoDatePattern.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  if (isoDateOf(time / msPerDay) !== iso) throw new RangeError(`not a calendar date: ${iso}`);
  return time / msPerDay;
}

export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * msPerDay).toISOString().slice(0, 10);
}

export function addCalendarDays(iso: string, days: number): string {
  return isoDateOf(dayNumberOf(iso) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export function weekdayOf(iso: string): number {
  return new Date(dayNumberOf(iso) * msPerDay).getUTCDay();
}

export function isWeekend(iso: string): boolean {
  const weekday = weekdayOf(iso);
  return weekday === 0 || weekday === 6;
}
