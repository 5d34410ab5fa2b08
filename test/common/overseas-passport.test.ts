// Passport number form and validity past the contract end; the calendar arithmetic behind contract ends and ages.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, fullYearsOn } from '../../src-common/domain/overseas/iso-date';
import { isPassportNumber, normalizePassportNumber, passportNumberSchema, passportValidThrough } from '../../src-common/domain/overseas/passport';

describe('passport number', () => {
  it('accepts one letter and seven digits, upper-cased and trimmed', () => {
    expect(isPassportNumber('C1234567')).toBe(true);
    expect(isPassportNumber(' c1234567 ')).toBe(true);
    expect(normalizePassportNumber(' c1234567 ')).toBe('C1234567');
    expect(passportNumberSchema.parse('n7654321')).toBe('N7654321');
  });
  it('refuses other lengths, two letters, digits only, diacritics and inner spaces', () => {
    for (const bad of ['C123456', 'C12345678', 'CA123456', '12345678', 'Đ1234567', 'C 1234567', '']) {
      expect(isPassportNumber(bad), bad).toBe(false);
      const parsed = passportNumberSchema.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe('passportNumber');
    }
  });
});

describe('passport valid through the contract end', () => {
  it('needs the passport to outlast the last day of the contract', () => {
    expect(passportValidThrough('2029-07-01', '2029-06-30')).toBe(true);
    // Expiring on the contract's last day is not enough: the worker still has to travel home.
    expect(passportValidThrough('2029-06-30', '2029-06-30')).toBe(false);
    expect(passportValidThrough('2029-06-29', '2029-06-30')).toBe(false);
  });
});

describe('ISO date arithmetic', () => {
  it('adds months, clamping to the end of a shorter month, across years and leap days', () => {
    expect(addMonths('2026-07-01', 36)).toBe('2029-07-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addDays('2029-07-01', -1)).toBe('2029-06-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-01-01', '2026-03-31')).toBe(89);
  });
  it('counts full years: 18 on the 18th birthday, not the day before; 29 February comes of age on 1 March', () => {
    expect(fullYearsOn('2008-07-01', '2026-07-01')).toBe(18);
    expect(fullYearsOn('2008-07-02', '2026-07-01')).toBe(17);
    expect(fullYearsOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(fullYearsOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});
