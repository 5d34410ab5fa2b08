// Public holidays as data (the file's schema) and the working calendar built from it, with compensatory days.
//
// Labour Code 2019 (Bộ luật Lao động 45/2019/QH14):
// - Art. 112(1): 11 paid holidays — 1 Jan; Tết (lunar new year) 5 days; Hùng Kings day (10/3 lunar);
//   30 Apr; 1 May; National Day 2 Sep plus one day before or after. Art. 112(3): the Prime Minister
//   fixes each year which days Tết and the National Day's second day fall on.
// - Art. 111(3): when a holiday falls on the weekly rest day, the rest day is taken on the next
//   working day ("nghỉ bù"). That is computed here, not written in the data.
// The public sector rests on Saturday and Sunday; the Government may also swap a working day next to
// a holiday with a Saturday ("hoán đổi ngày làm việc"). Deadlines counted in working days at the
// authority follow this public-sector calendar, so swaps are part of it.
import { z } from 'zod';
import { addCalendarDays, dayNumberOf, isWeekend } from './day-number';

export const holidayKinds = ['newYear', 'lunarNewYear', 'hungKings', 'reunificationDay', 'labourDay', 'nationalDay'] as const;
export const holidayKindSchema = z.enum(holidayKinds);
export type HolidayKind = z.infer<typeof holidayKindSchema>;

/**
 * statutory: the date is fixed by Art. 112(1) itself (1 Jan, 30 Apr, 1 May, 2 Sep);
 * official: set or confirmed by the Government's announcement for that year;
 * computed: derived here (lunar conversion, the usual pattern) while no announcement is known —
 * to be replaced by the official dates when they are published.
 */
export const holidayStatusSchema = z.enum(['statutory', 'official', 'computed']);
export type HolidayStatus = z.infer<typeof holidayStatusSchema>;

const isoDate = z.iso.date();

export const holidayEntrySchema = z.strictObject({
  date: isoDate,
  kind: holidayKindSchema,
  status: holidayStatusSchema,
  note: z.string().optional(),
});
export type HolidayEntry = z.infer<typeof holidayEntrySchema>;

/** A weekday off in exchange for a Saturday worked (public sector). */
export const workdaySwapSchema = z.strictObject({
  dayOff: isoDate,
  workedOn: isoDate,
  status: holidayStatusSchema,
  note: z.string().optional(),
});
export type WorkdaySwap = z.infer<typeof workdaySwapSchema>;

export const holidayDataSchema = z
  .strictObject({
    $comment: z.string().optional(),
    coveredYears: z.strictObject({ from: z.int(), to: z.int() }),
    sources: z.record(z.string(), z.string()).optional(),
    holidays: z.array(holidayEntrySchema),
    swaps: z.array(workdaySwapSchema),
  })
  .refine((data) => new Set(data.holidays.map((h) => h.date)).size === data.holidays.length, { message: 'duplicateHoliday' })
  .refine((data) => data.swaps.every((s) => !isWeekend(s.dayOff) && isWeekend(s.workedOn)), { message: 'swapNotWeekdayForWeekend' });
export type HolidayData = z.infer<typeof holidayDataSchema>;

export interface CompensatoryDay {
  date: string;
  /** The holiday that fell on a weekend. */
  forHoliday: string;
}

/** What working-day arithmetic needs: which dates are off although Mon–Fri, and which weekend dates are worked. */
export interface WorkingCalendar {
  /** Holidays, compensatory days and swapped days off (any weekday). */
  readonly daysOff: ReadonlySet<string>;
  /** Saturdays worked in exchange for a swapped day off. */
  readonly workedWeekendDays: ReadonlySet<string>;
  /** Years the data covers; outside them only weekends are known to be off. */
  readonly coveredYears: { readonly from: number; readonly to: number };
}

/**
 * Art. 111(3): each holiday on a Saturday or Sunday gives a day off on the next day that is neither
 * a weekend, a holiday, nor a day already given (Tết 2027: Sat 6 and Sun 7 Feb give Tue 9 and Wed 10).
 */
export function compensatoryDays(holidayDates: readonly string[]): CompensatoryDay[] {
  const holidays = new Set(holidayDates);
  const taken = new Set<string>();
  const result: CompensatoryDay[] = [];
  const ordered = [...holidayDates].sort((a, b) => dayNumberOf(a) - dayNumberOf(b));
  for (const holiday of ordered) {
    if (!isWeekend(holiday)) continue;
    let candidate = addCalendarDays(holiday, 1);
    while (isWeekend(candidate) || holidays.has(candidate) || taken.has(candidate)) candidate = addCalendarDays(candidate, 1);
    taken.add(candidate);
    result.push({ date: candidate, forHoliday: holiday });
  }
  return result;
}

export function buildWorkingCalendar(data: HolidayData): WorkingCalendar {
  const holidayDates = data.holidays.map((h) => h.date);
  const daysOff = new Set<string>(holidayDates);
  for (const day of compensatoryDays(holidayDates)) daysOff.add(day.date);
  for (const swap of data.swaps) daysOff.add(swap.dayOff);
  return {
    daysOff,
    workedWeekendDays: new Set(data.swaps.map((s) => s.workedOn)),
    coveredYears: { ...data.coveredYears },
  };
}

/** True when `date` falls in a year the calendar's holiday data covers. */
export function calendarCovers(calendar: WorkingCalendar, date: string): boolean {
  const year = Number(date.slice(0, 4));
  return year >= calendar.coveredYears.from && year <= calendar.coveredYears.to;
}

export const holidayNames: Record<HolidayKind, { vi: string; en: string }> = {
  newYear: { vi: 'Tết Dương lịch', en: "New Year's Day" },
  lunarNewYear: { vi: 'Tết Âm lịch', en: 'Lunar New Year (Tết)' },
  hungKings: { vi: 'Giỗ Tổ Hùng Vương', en: 'Hùng Kings Commemoration Day' },
  reunificationDay: { vi: 'Ngày Chiến thắng', en: 'Reunification Day' },
  labourDay: { vi: 'Ngày Quốc tế lao động', en: 'International Labour Day' },
  nationalDay: { vi: 'Quốc khánh', en: 'National Day' },
};
