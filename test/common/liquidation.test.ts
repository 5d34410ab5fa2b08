// Liquidation content ("thanh lý hợp đồng") and the pro-rata service-fee refund (Law 69/2020 Art. 23).
import { describe, expect, it } from 'vitest';
import {
  earlyReturnFault,
  liquidationKeys,
  liquidationReasons,
  liquidationSchema,
  serviceFeeRefund,
  type Liquidation,
} from '../../src-common/domain/overseas/liquidation';
import { isWorkerAbroadMessageKey } from '../../src-common/domain/overseas/worker-abroad-messages';

const valid: Liquidation = {
  registrationFilingId: '0190a1b2-c3d4-7e5f-8a6b-000000000001',
  citizenId: '001090012345',
  contractEndsOn: '2027-12-31',
  returnedOn: '2026-06-15',
  reason: 'employerBreach',
  settlement: {
    depositRefund: 50_000_000,
    serviceFeeRefund: 12_345_678,
    brokerageRefund: 0,
    compensationPaid: 0,
    compensationReceived: 0,
    other: 0,
  },
  agreedByBothSides: true,
  agreedOn: '2026-07-01',
};

const messagesOf = (input: unknown) => liquidationSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];

describe('liquidation schema', () => {
  it('accepts a settled early return and a completed contract', () => {
    expect(liquidationSchema.parse(valid)).toEqual(valid);
    expect(liquidationSchema.safeParse({ ...valid, reason: 'contractCompleted', returnedOn: '2028-01-03' }).success).toBe(true);
    expect(liquidationSchema.safeParse({ ...valid, agreedByBothSides: false, agreedOn: undefined }).success).toBe(true);
  });

  it('takes amounts as whole, non-negative đồng', () => {
    expect(liquidationSchema.safeParse({ ...valid, settlement: { ...valid.settlement, depositRefund: -1 } }).success).toBe(false);
    expect(liquidationSchema.safeParse({ ...valid, settlement: { ...valid.settlement, brokerageRefund: 10.5 } }).success).toBe(false);
    expect(liquidationSchema.safeParse({ ...valid, settlement: { ...valid.settlement, other: 1e13 } }).success).toBe(false);
    expect(liquidationSchema.safeParse({ ...valid, settlement: { ...valid.settlement, compensationPaid: '100' } }).success).toBe(false);
  });

  it('needs the agreement date exactly when both sides agreed', () => {
    expect(messagesOf({ ...valid, agreedOn: undefined })).toEqual([liquidationKeys.agreedOnRequired]);
    expect(messagesOf({ ...valid, agreedByBothSides: false })).toEqual([liquidationKeys.agreedOnWithoutAgreement]);
  });

  it('needs an early return before the contract end', () => {
    expect(messagesOf({ ...valid, returnedOn: '2027-12-31' })).toEqual([liquidationKeys.earlyReturnNotBeforeEnd]);
    expect(messagesOf({ ...valid, reason: 'workerBreach', returnedOn: '2028-02-01' })).toEqual(['overseas.liquidation.earlyReturnNotBeforeEnd']);
  });

  it('needs a description for an other amount', () => {
    const settlement = { ...valid.settlement, other: 2_000_000 };
    expect(messagesOf({ ...valid, settlement })).toEqual([liquidationKeys.otherNeedsDescription]);
    expect(liquidationSchema.safeParse({ ...valid, settlement: { ...settlement, otherDescription: 'Vé máy bay về nước' } }).success).toBe(true);
  });

  it('refuses a bad citizen ID, an unknown reason and unknown fields; cross-field checks wait for well-formed dates', () => {
    expect(messagesOf({ ...valid, citizenId: '000000000000' })).toEqual(['citizenId']);
    expect(liquidationSchema.safeParse({ ...valid, reason: 'bored' }).success).toBe(false);
    expect(liquidationSchema.safeParse({ ...valid, note: 'x' }).success).toBe(false);
    const badDate = liquidationSchema.safeParse({ ...valid, returnedOn: '2028-02-30' });
    expect(badDate.error?.issues.map((i) => i.code)).toEqual(['invalid_format']);
  });

  it('has messages for every rule key', () => {
    for (const key of Object.values(liquidationKeys)) expect(isWorkerAbroadMessageKey(key), key).toBe(true);
    for (const reason of liquidationReasons) {
      const key = reason === 'contractCompleted' || reason === 'deceased' ? `overseas.liquidationReason.${reason}` : `overseas.earlyReturnReason.${reason}`;
      expect(isWorkerAbroadMessageKey(key), key).toBe(true);
    }
  });
});

describe('pro-rata service-fee refund', () => {
  // A 10-day term keeps the proportions obvious: 1 to 10 January 2026.
  const short = { contractStart: '2026-01-01', contractEnd: '2026-01-10', workerAtFault: false };

  it('refunds nothing on term, after the term, or when the worker is at fault', () => {
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_000, returnedOn: '2026-01-10' })).toBe(0);
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_000, returnedOn: '2026-02-01' })).toBe(0);
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_000, returnedOn: '2026-01-04', workerAtFault: true })).toBe(0);
  });

  it('refunds the remaining proportion of days, and everything before the start', () => {
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_000, returnedOn: '2026-01-04' })).toBe(600_000); // 6 of 10 days left
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_000, returnedOn: '2026-01-01' })).toBe(900_000); // the first day was worked
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_000, returnedOn: '2026-01-09' })).toBe(100_000);
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_000, returnedOn: '2025-12-31' })).toBe(1_000_000);
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_000, returnedOn: '2025-06-01' })).toBe(1_000_000);
  });

  it('rounds to the whole đồng, halves up', () => {
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_001, returnedOn: '2026-01-04' })).toBe(600_001); // 600,000.6
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 1_000_004, returnedOn: '2026-01-04' })).toBe(600_002); // 600,002.4
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 5, returnedOn: '2026-01-05' })).toBe(3); // 2.5
    expect(serviceFeeRefund({ ...short, serviceFeePaid: 0, returnedOn: '2026-01-05' })).toBe(0);
  });

  it('handles a real three-year contract, and the largest fee the schema allows over ten years exactly', () => {
    // 1 Mar 2025 to 29 Feb 2028: 1,096 days; back on 31 Aug 2026 leaves 547 days.
    expect(serviceFeeRefund({ serviceFeePaid: 90_000_000, contractStart: '2025-03-01', contractEnd: '2028-02-29', returnedOn: '2026-08-31', workerAtFault: false })).toBe(
      Math.round((90_000_000 * 547) / 1096),
    );
    const big = serviceFeeRefund({ serviceFeePaid: 999_999_999_999, contractStart: '2020-01-01', contractEnd: '2029-12-31', returnedOn: '2020-01-01', workerAtFault: false });
    // 3,653 days (2020, 2024 and 2028 are leap years), 3,652 left: 999,999,999,999 × 3,652 / 3,653 = 999,726,252,394.29…
    expect(big).toBe(999_726_252_394);
  });

  it('refuses a fee that is not whole đồng and a term that ends before it starts', () => {
    expect(() => serviceFeeRefund({ ...short, serviceFeePaid: 10.5, returnedOn: '2026-01-04' })).toThrow(RangeError);
    expect(() => serviceFeeRefund({ ...short, serviceFeePaid: -1, returnedOn: '2026-01-04' })).toThrow(RangeError);
    expect(() => serviceFeeRefund({ ...short, contractEnd: '2025-12-01', serviceFeePaid: 1, returnedOn: '2026-01-04' })).toThrow(RangeError);
  });

  it('suggests fault from the early-return reason, leaving the unclear ones to the enterprise', () => {
    expect(earlyReturnFault('workerBreach')).toBe('worker');
    expect(earlyReturnFault('health')).toBe('notWorker');
    expect(earlyReturnFault('employerBreach')).toBe('notWorker');
    expect(earlyReturnFault('forceMajeure')).toBe('notWorker');
    expect(earlyReturnFault('contractTerminated')).toBe('undetermined');
    expect(earlyReturnFault('other')).toBe('undetermined');
  });
});
