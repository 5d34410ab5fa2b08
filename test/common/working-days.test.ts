// Working-day calendar: Vietnam's holidays data, compensatory days (Labour Code Art. 111(3)), swaps, and the arithmetic.
import { describe, expect, it } from 'vitest';
import { addCalendarDays, dayNumberOf, weekdayOf } from '../../src-common/domain/calendar/day-number';
import {
  buildWorkingCalendar,
  calendarCovers,
  compensatoryDays,
  holidayDataSchema,
  type HolidayData,
} from '../../src-common/domain/calendar/holiday-calendar';
import { vietnamHolidayData, vietnamWorkingCalendar as vn } from '../../src-common/domain/calendar/vietnam-holidays';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../src-common/domain/calendar/working-days';

const holidaysOf = (year: number) => vietnamHolidayData.holidays.filter((h) => h.date.startsWith(`${year}-`));

describe('ISO day numbers', () => {
  it('adds days across months and leap years, and knows the weekday', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekdayOf('2026-02-17')).toBe(2); // Tuesday, mùng 1 Tết Bính Ngọ
  });
  it('refuses what is not a real date', () => {
    expect(() => dayNumberOf('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumberOf('17/02/2026')).toThrow(RangeError);
  });
});

describe('Vietnamese holidays data (resources/holidays-vn.json)', () => {
  it('lists the 11 days of Art. 112(1) for each covered year, one entry per date', () => {
    for (const year of [2025, 2026, 2027]) {
      const kinds = holidaysOf(year).map((h) => h.kind);
      expect(kinds.length).toBe(11);
      expect(kinds.filter((k) => k === 'lunarNewYear').length).toBe(5);
      expect(kinds.filter((k) => k === 'nationalDay').length).toBe(2);
      for (const single of ['newYear', 'hungKings', 'reunificationDay', 'labourDay'] as const) {
        expect(kinds.filter((k) => k === single).length).toBe(1);
      }
    }
    expect(vn.coveredYears).toEqual({ from: 2025, to: 2027 });
  });

  it('marks the Government-announced Tết of 2025 and 2026 official and the not-yet-announced 2027 computed', () => {
    expect(holidaysOf(2025).filter((h) => h.kind === 'lunarNewYear').map((h) => [h.date, h.status])).toEqual([
      ['2025-01-27', 'official'],
      ['2025-01-28', 'official'],
      ['2025-01-29', 'official'],
      ['2025-01-30', 'official'],
      ['2025-01-31', 'official'],
    ]);
    expect(holidaysOf(2026).filter((h) => h.kind === 'lunarNewYear').map((h) => h.date)).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(holidaysOf(2027).filter((h) => h.kind === 'lunarNewYear').every((h) => h.status === 'computed')).toBe(true);
    expect(holidaysOf(2026).find((h) => h.kind === 'newYear')?.status).toBe('statutory');
  });

  it('puts every National Day second day next to 2 September', () => {
    for (const year of [2025, 2026, 2027]) {
      const days = holidaysOf(year).filter((h) => h.kind === 'nationalDay').map((h) => h.date);
      expect(days).toContain(`${year}-09-02`);
      const other = days.find((d) => d !== `${year}-09-02`)!;
      expect([`${year}-09-01`, `${year}-09-03`]).toContain(other);
    }
  });

  it('refuses a data file with a swap that is not weekday-for-weekend, or a date twice', () => {
    const base: HolidayData = { coveredYears: { from: 2026, to: 2026 }, holidays: [], swaps: [] };
    expect(holidayDataSchema.safeParse({ ...base, swaps: [{ dayOff: '2026-01-03', workedOn: '2026-01-10', status: 'official' }] }).success).toBe(false);
    const day = { date: '2026-04-30', kind: 'reunificationDay', status: 'statutory' } as const;
    expect(holidayDataSchema.safeParse({ ...base, holidays: [day, day] }).success).toBe(false);
    expect(holidayDataSchema.safeParse({ ...base, holidays: [{ ...day, date: '2026-04-31' }] }).success).toBe(false);
  });
});

describe('compensatory days off (Labour Code Art. 111(3))', () => {
  it('gives the next working day for a holiday on a weekend: Hùng Kings 2026 on Sunday -> Monday 27 April', () => {
    expect(weekdayOf('2026-04-26')).toBe(0);
    expect(isWorkingDay('2026-04-27', vn)).toBe(false);
    expect(compensatoryDays(holidaysOf(2026).map((h) => h.date))).toEqual([{ date: '2026-04-27', forHoliday: '2026-04-26' }]);
  });

  it('skips holidays and days already given: Tết 2027 on Sat/Sun -> Tue 9 and Wed 10 Feb; 1 May 2027 (Sat) -> Mon 3 May', () => {
    expect(compensatoryDays(holidaysOf(2027).map((h) => h.date))).toEqual([
      { date: '2027-02-09', forHoliday: '2027-02-06' },
      { date: '2027-02-10', forHoliday: '2027-02-07' },
      { date: '2027-05-03', forHoliday: '2027-05-01' },
    ]);
    expect(isWorkingDay('2027-02-11', vn)).toBe(true);
  });

  it('gives none in a year without a weekend holiday (2025)', () => {
    expect(compensatoryDays(holidaysOf(2025).map((h) => h.date))).toEqual([]);
  });
});

describe('isWorkingDay', () => {
  it('is Monday to Friday outside holidays', () => {
    expect(isWorkingDay('2026-03-02', vn)).toBe(true); // Monday
    expect(isWorkingDay('2026-03-07', vn)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-08', vn)).toBe(false); // Sunday
  });
  it('knows every day of Tết 2026 off, and the 9-day break from Sat 14 to Sun 22 Feb', () => {
    for (let d = 14; d <= 22; d += 1) expect(isWorkingDay(`2026-02-${d}`, vn)).toBe(false);
    expect(isWorkingDay('2026-02-13', vn)).toBe(true);
    expect(isWorkingDay('2026-02-23', vn)).toBe(true);
  });
  it('follows the Government swaps: Fri 2 Jan 2026 off, Sat 10 Jan 2026 worked; Fri 2 May 2025 off, Sat 26 Apr 2025 worked', () => {
    expect(isWorkingDay('2026-01-02', vn)).toBe(false);
    expect(isWorkingDay('2026-01-10', vn)).toBe(true);
    expect(isWorkingDay('2025-05-02', vn)).toBe(false);
    expect(isWorkingDay('2025-04-26', vn)).toBe(true);
  });
});

describe('addWorkingDays / workingDaysBetween', () => {
  it('jumps Tết 2026: Thu 12 Feb + 5 working days = Thu 26 Feb', () => {
    expect(addWorkingDays('2026-02-12', 1, vn)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-12', 2, vn)).toBe('2026-02-23');
    expect(addWorkingDays('2026-02-12', 5, vn)).toBe('2026-02-26');
    expect(workingDaysBetween('2026-02-12', '2026-02-26', vn)).toBe(5);
    expect(workingDaysBetween('2026-02-13', '2026-02-22', vn)).toBe(0);
  });

  it('counts backwards over Tết, and a weekend start counts from the next working day', () => {
    expect(addWorkingDays('2026-02-23', -1, vn)).toBe('2026-02-13');
    expect(addWorkingDays('2026-02-23', -5, vn)).toBe('2026-02-09');
    expect(addWorkingDays('2026-03-07', 1, vn)).toBe('2026-03-09'); // Sat -> Mon
    expect(workingDaysBetween('2026-02-26', '2026-02-12', vn)).toBe(-5);
  });

  it('skips the compensatory Monday and the 30/4–1/5 holidays of 2026', () => {
    // Fri 24 Apr: Mon 27 (compensatory) off, Tue 28, Wed 29, [Thu 30, Fri 1 off], Mon 4, Tue 5, Wed 6.
    expect(addWorkingDays('2026-04-24', 5, vn)).toBe('2026-05-06');
  });

  it('returns the date itself for 0 and refuses fractions', () => {
    expect(addWorkingDays('2026-02-17', 0, vn)).toBe('2026-02-17');
    expect(() => addWorkingDays('2026-02-17', 1.5, vn)).toThrow(RangeError);
  });

  it('works on any calendar passed in, and says which years its data covers', () => {
    const bare = buildWorkingCalendar({ coveredYears: { from: 2030, to: 2030 }, holidays: [], swaps: [] });
    expect(addWorkingDays('2026-02-12', 5, bare)).toBe('2026-02-19');
    expect(calendarCovers(vn, '2027-12-31')).toBe(true);
    expect(calendarCovers(vn, '2028-01-01')).toBe(false);
  });
});
