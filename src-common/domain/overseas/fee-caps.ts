// Statutory caps on what a worker pays: the service fee and the brokerage commission refunded to the enterprise.
//
// Sources (the current rules; an agency overrides them through `FeeCaps` when they change):
// - Law 69/2020/QH14 (Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng), Art. 23:
//   the service fee ("tiền dịch vụ") is at most one month of the worker's contract wage for each
//   12 months of work, and at most three months' wages for a contract of 36 months or more.
// - Circular 21/2021/TT-BLĐTBXH: the brokerage commission ("tiền môi giới") the worker refunds is at
//   most 0.7 month's wage for each 12 months of work, and at most 2.1 months' wages in all.
// Market-specific lower caps of the Circular are not modelled; an agency sets them as overrides.

export interface FeeCaps {
  /** Months of wage the service fee may reach per 12 months of contract. */
  serviceFeeMonthsPer12Months: number;
  /** Ceiling in months of wage, reached by contracts of `serviceFeeCeilingFromMonths` or more. */
  serviceFeeMaxMonths: number;
  serviceFeeCeilingFromMonths: number;
  /** Months of wage the brokerage commission may reach per 12 months of contract. */
  brokerCommissionMonthsPer12Months: number;
  brokerCommissionMaxMonths: number;
}

export const defaultFeeCaps: Readonly<FeeCaps> = Object.freeze({
  serviceFeeMonthsPer12Months: 1,
  serviceFeeMaxMonths: 3,
  serviceFeeCeilingFromMonths: 36,
  brokerCommissionMonthsPer12Months: 0.7,
  brokerCommissionMaxMonths: 2.1,
});

export interface FeeCheckInput {
  /** The worker's monthly wage; the fees are in the same currency. */
  wage: number;
  termMonths: number;
  serviceFee: number;
  brokerCommission: number;
}

export const feeCapKeys = ['serviceFeeExceedsCap', 'brokerCommissionExceedsCap'] as const;
export type FeeCapKey = (typeof feeCapKeys)[number];

export function isFeeCapKey(value: unknown): value is FeeCapKey {
  return feeCapKeys.includes(value as FeeCapKey);
}

export interface FeeCapViolation {
  fee: 'serviceFee' | 'brokerCommission';
  /** The message key (messages.ts). */
  key: FeeCapKey;
  amount: number;
  /** The largest amount allowed, in the wage's currency. */
  cap: number;
  /** The cap in months of wage. */
  capMonths: number;
}

/** Amounts compared in hundredths, so 0.7 × 3 months is 2.1 months and not 2.0999999999999996. */
const cents = (amount: number) => Math.round(amount * 100);

export function serviceFeeCapMonths(termMonths: number, caps: FeeCaps = defaultFeeCaps): number {
  if (termMonths >= caps.serviceFeeCeilingFromMonths) return caps.serviceFeeMaxMonths;
  return Math.min(caps.serviceFeeMaxMonths, (caps.serviceFeeMonthsPer12Months * termMonths) / 12);
}

export function brokerCommissionCapMonths(termMonths: number, caps: FeeCaps = defaultFeeCaps): number {
  return Math.min(caps.brokerCommissionMaxMonths, (caps.brokerCommissionMonthsPer12Months * termMonths) / 12);
}

/** The caps a contract's fees break (an empty list when both are within them); a fee at the cap is allowed. */
export function checkFees(input: FeeCheckInput, caps: FeeCaps = defaultFeeCaps): FeeCapViolation[] {
  const violations: FeeCapViolation[] = [];
  const check = (fee: FeeCapViolation['fee'], key: FeeCapKey, amount: number, capMonths: number) => {
    const cap = cents(input.wage * capMonths) / 100;
    if (cents(amount) > cents(cap)) violations.push({ fee, key, amount, cap, capMonths: Math.round(capMonths * 10_000) / 10_000 });
  };
  check('serviceFee', 'serviceFeeExceedsCap', input.serviceFee, serviceFeeCapMonths(input.termMonths, caps));
  check('brokerCommission', 'brokerCommissionExceedsCap', input.brokerCommission, brokerCommissionCapMonths(input.termMonths, caps));
  return violations;
}
