// Fee caps: service fee per 12 months with the 36-month ceiling, brokerage commission 0.7/12 up to 2.1 months; overrides.
import { describe, expect, it } from 'vitest';
import { brokerCommissionCapMonths, checkFees, defaultFeeCaps, serviceFeeCapMonths } from '../../src-common/domain/overseas/fee-caps';

const wage = 1_000;

describe('service fee cap', () => {
  it('is one month of wage per 12 months, pro rata, reaching three months at 36 months and staying there', () => {
    expect(serviceFeeCapMonths(12)).toBe(1);
    expect(serviceFeeCapMonths(6)).toBe(0.5);
    expect(serviceFeeCapMonths(35)).toBeCloseTo(35 / 12, 10);
    expect(serviceFeeCapMonths(36)).toBe(3);
    expect(serviceFeeCapMonths(60)).toBe(3);
  });
  it('allows a fee exactly at the cap and refuses one a cent above, with the cap computed', () => {
    expect(checkFees({ wage, termMonths: 36, serviceFee: 3_000, brokerCommission: 0 })).toEqual([]);
    expect(checkFees({ wage, termMonths: 36, serviceFee: 3_000.01, brokerCommission: 0 })).toEqual([
      { fee: 'serviceFee', key: 'serviceFeeExceedsCap', amount: 3_000.01, cap: 3_000, capMonths: 3 },
    ]);
    // Below the 36-month boundary the cap is still pro rata: 35 months allow 2,916.67.
    expect(checkFees({ wage, termMonths: 35, serviceFee: 2_916.67, brokerCommission: 0 })).toEqual([]);
    expect(checkFees({ wage, termMonths: 35, serviceFee: 3_000, brokerCommission: 0 })[0]).toMatchObject({ cap: 2_916.67 });
    // Beyond 36 months: still three months, not four.
    expect(checkFees({ wage, termMonths: 48, serviceFee: 4_000, brokerCommission: 0 })[0]).toMatchObject({ cap: 3_000, capMonths: 3 });
  });
});

describe('brokerage commission cap', () => {
  it('is 0.7 month per 12 months up to 2.1 months, exact at the cap despite floating point', () => {
    expect(brokerCommissionCapMonths(12)).toBeCloseTo(0.7, 10);
    expect(brokerCommissionCapMonths(36)).toBeCloseTo(2.1, 10);
    expect(brokerCommissionCapMonths(60)).toBe(2.1);
    // 0.7 × 36 / 12 is 2.0999999999999996 in binary floating point: a commission of exactly 2.1 months passes.
    expect(checkFees({ wage, termMonths: 36, serviceFee: 0, brokerCommission: 2_100 })).toEqual([]);
    expect(checkFees({ wage: 180_000, termMonths: 36, serviceFee: 0, brokerCommission: 378_000 })).toEqual([]);
    expect(checkFees({ wage, termMonths: 60, serviceFee: 0, brokerCommission: 2_100.01 })).toEqual([
      { fee: 'brokerCommission', key: 'brokerCommissionExceedsCap', amount: 2_100.01, cap: 2_100, capMonths: 2.1 },
    ]);
  });
  it('reports both fees when both are over', () => {
    expect(checkFees({ wage, termMonths: 12, serviceFee: 1_500, brokerCommission: 800 }).map((v) => v.key)).toEqual([
      'serviceFeeExceedsCap',
      'brokerCommissionExceedsCap',
    ]);
  });
});

describe('configurable caps', () => {
  it('takes an agency’s overrides, keeping the statutory defaults unchanged', () => {
    const stricter = { ...defaultFeeCaps, serviceFeeMaxMonths: 1.5, brokerCommissionMonthsPer12Months: 0 };
    expect(checkFees({ wage, termMonths: 36, serviceFee: 1_500, brokerCommission: 0 }, stricter)).toEqual([]);
    expect(checkFees({ wage, termMonths: 36, serviceFee: 2_000, brokerCommission: 1 }, stricter).map((v) => [v.key, v.cap])).toEqual([
      ['serviceFeeExceedsCap', 1_500],
      ['brokerCommissionExceedsCap', 0],
    ]);
    expect(defaultFeeCaps).toEqual({
      serviceFeeMonthsPer12Months: 1,
      serviceFeeMaxMonths: 3,
      serviceFeeCeilingFromMonths: 36,
      brokerCommissionMonthsPer12Months: 0.7,
      brokerCommissionMaxMonths: 2.1,
    });
    expect(Object.isFrozen(defaultFeeCaps)).toBe(true);
  });
});
