// licenceWarning: the service licence's expiry warning (60 days before) and the expired state, on calendar days.
import { describe, expect, it } from 'vitest';
import { licenceWarning, licenceWarningDays } from '../../src-common/domain/licence';

describe('licenceWarning', () => {
  it('is ok more than 60 days before the expiry', () => {
    expect(licenceWarning('2029-03-14', '2026-11-23')).toEqual({ level: 'ok', daysLeft: 842 });
    expect(licenceWarning('2027-01-23', '2026-11-23')).toEqual({ level: 'ok', daysLeft: 61 });
  });

  it('warns from 60 days before the expiry through the last valid day', () => {
    expect(licenceWarningDays).toBe(60);
    expect(licenceWarning('2027-01-22', '2026-11-23')).toEqual({ level: 'expiringSoon', daysLeft: 60 });
    expect(licenceWarning('2026-12-01', '2026-11-23')).toEqual({ level: 'expiringSoon', daysLeft: 8 });
    expect(licenceWarning('2026-11-23', '2026-11-23')).toEqual({ level: 'expiringSoon', daysLeft: 0 });
  });

  it('is expired from the day after the expiry date', () => {
    expect(licenceWarning('2026-11-22', '2026-11-23')).toEqual({ level: 'expired', daysLeft: -1 });
    expect(licenceWarning('2020-01-01', '2026-11-23').level).toBe('expired');
  });

  it('counts calendar days across leap days and daylight-saving changes', () => {
    expect(licenceWarning('2028-03-01', '2028-02-28').daysLeft).toBe(2);
    expect(licenceWarning('2027-03-01', '2027-02-28').daysLeft).toBe(1);
    expect(licenceWarning('2026-11-01', '2026-03-01').daysLeft).toBe(245);
  });

  it('refuses what is not a calendar date', () => {
    expect(() => licenceWarning('2026-02-30', '2026-01-01')).toThrow(RangeError);
    expect(() => licenceWarning('14/03/2029', '2026-01-01')).toThrow(RangeError);
    expect(() => licenceWarning('2029-03-14', '')).toThrow(RangeError);
  });
});
