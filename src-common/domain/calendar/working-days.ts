// Working-day arithmetic over a WorkingCalendar: Monday to Friday, less holidays and days off, plus swapped Saturdays.
import { addCalendarDays, calendarDaysBetween, isWeekend } from './day-number';
import type { WorkingCalendar } from './holiday-calendar';

export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.workedWeekendDays.has(date)) return true;
  return !isWeekend(date) && !calendar.daysOff.has(date);
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself is never counted,
 * as a period "within 5 working days of" an event starts the next day (Civil Code 2015 Art. 147).
 * n = 0 returns `date` unchanged.
 */
export function addWorkingDays(date: string, n: number, calendar: WorkingCalendar): string {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be a whole number: ${n}`);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addCalendarDays(current, step);
    if (isWorkingDay(current, calendar)) remaining -= 1;
  }
  return current;
}

/**
 * Working days after `from` up to and including `to` (so `workingDaysBetween(d, addWorkingDays(d, n)) === n`
 * for n >= 0); negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const span = calendarDaysBetween(from, to);
  if (span < 0) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let i = 1; i <= span; i += 1) if (isWorkingDay(addCalendarDays(from, i), calendar)) count += 1;
  return count;
}
