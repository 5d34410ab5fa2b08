// The published schedule of service fees in the enterprise profile: optional (older profiles have none), bounded, checked per row.
import { describe, expect, it } from 'vitest';
import { enterpriseProfileSchema, serviceFeeScheduleMax } from '../../src-common/domain/organisation';

const profile = {
  nameVi: 'Công ty A',
  licence: { number: 'GP-1', issuedOn: '2024-01-01', expiresOn: '2029-01-01' },
  headOffice: { line: 'Số 1', provinceCode: '01' },
  legalRepresentative: { fullName: 'Nguyễn Văn A', title: 'Giám đốc' },
  contact: {},
};
const row = { market: 'JP', trade: 'Điều dưỡng', amount: 3600, currency: 'USD', monthsOfWage: 1, note: '36 tháng' };

describe('serviceFeeSchedule', () => {
  it('is optional, and accepts rows with or without months of wage and note', () => {
    expect(enterpriseProfileSchema.safeParse(profile).success).toBe(true);
    const { monthsOfWage: _m, note: _n, ...bare } = row;
    expect(enterpriseProfileSchema.safeParse({ ...profile, serviceFeeSchedule: [row, bare] }).success).toBe(true);
    expect(enterpriseProfileSchema.safeParse({ ...profile, serviceFeeSchedule: [] }).success).toBe(true);
  });

  it('names the bad parts of a row', () => {
    const bad = enterpriseProfileSchema.safeParse({
      ...profile,
      serviceFeeSchedule: [row, { market: 'Japan', trade: ' ', amount: -1, currency: 'usd', monthsOfWage: 40, extra: 1 }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'serviceFeeSchedule.1.market',
        'serviceFeeSchedule.1.trade',
        'serviceFeeSchedule.1.amount',
        'serviceFeeSchedule.1.currency',
        'serviceFeeSchedule.1.monthsOfWage',
      ]),
    );
    expect(paths.some((path) => path.startsWith('serviceFeeSchedule.0'))).toBe(false);
  });

  it('is bounded, since the portal stores the profile as one JSON value', () => {
    const rows = Array.from({ length: serviceFeeScheduleMax + 1 }, () => row);
    expect(enterpriseProfileSchema.safeParse({ ...profile, serviceFeeSchedule: rows.slice(1) }).success).toBe(true);
    expect(enterpriseProfileSchema.safeParse({ ...profile, serviceFeeSchedule: rows }).success).toBe(false);
  });
});
