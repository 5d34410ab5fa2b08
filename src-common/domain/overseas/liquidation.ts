// The content of a `liquidation` filing ("thanh lý hợp đồng") for one worker on return, and the service-fee refund rule.
import { z } from 'zod';
import { calendarDaysBetween } from '../calendar/day-number';
import { isoDateSchema } from '../organisation';
import { citizenIdSchema } from './worker-entry';
import { earlyReturnReasons, type EarlyReturnReason } from './worker-events';

export const liquidationReasons = ['contractCompleted', ...earlyReturnReasons, 'deceased'] as const;
export const liquidationReasonSchema = z.enum(liquidationReasons);
export type LiquidationReason = z.infer<typeof liquidationReasonSchema>;

/** Whole đồng, never negative; 10^12 bounds typos. */
export const vndAmountSchema = z.int().min(0).max(1_000_000_000_000);

export const settlementSchema = z.strictObject({
  /** Refund of the worker's deposit ("tiền ký quỹ"), what remains after damages it covered. */
  depositRefund: vndAmountSchema,
  /** Service fee refunded for the part of the contract not worked (see serviceFeeRefund). */
  serviceFeeRefund: vndAmountSchema,
  /** Brokerage commission refunded to the worker. */
  brokerageRefund: vndAmountSchema,
  /** Compensation the enterprise pays the worker. */
  compensationPaid: vndAmountSchema,
  /** Compensation the worker pays the enterprise. */
  compensationReceived: vndAmountSchema,
  other: vndAmountSchema,
  otherDescription: z.string().trim().min(1).max(1000).optional(),
});
export type Settlement = z.infer<typeof settlementSchema>;

export const liquidationKeys = {
  earlyReturnNotBeforeEnd: 'overseas.liquidation.earlyReturnNotBeforeEnd',
  agreedOnRequired: 'overseas.liquidation.agreedOnRequired',
  agreedOnWithoutAgreement: 'overseas.liquidation.agreedOnWithoutAgreement',
  otherNeedsDescription: 'overseas.liquidation.otherNeedsDescription',
} as const;

const isEarlyReturn = (reason: LiquidationReason): reason is EarlyReturnReason =>
  (earlyReturnReasons as readonly string[]).includes(reason);

const crossFieldsWhenWellFormed = {
  when: (payload: { issues: readonly { code?: string }[] }) => payload.issues.every((issue) => issue.code === 'custom'),
};

export const liquidationSchema = z
  .strictObject({
    registrationFilingId: z.uuid(),
    citizenId: citizenIdSchema,
    /** The contract's last day by its term. */
    contractEndsOn: isoDateSchema,
    /** The day the worker actually came back (for a death: the repatriation). */
    returnedOn: isoDateSchema,
    reason: liquidationReasonSchema,
    settlement: settlementSchema,
    agreedByBothSides: z.boolean(),
    agreedOn: isoDateSchema.optional(),
  })
  .refine((l) => !isEarlyReturn(l.reason) || l.returnedOn < l.contractEndsOn, {
    message: liquidationKeys.earlyReturnNotBeforeEnd,
    path: ['returnedOn'],
    ...crossFieldsWhenWellFormed,
  })
  .refine((l) => !l.agreedByBothSides || l.agreedOn !== undefined, {
    message: liquidationKeys.agreedOnRequired,
    path: ['agreedOn'],
    ...crossFieldsWhenWellFormed,
  })
  .refine((l) => l.agreedByBothSides || l.agreedOn === undefined, {
    message: liquidationKeys.agreedOnWithoutAgreement,
    path: ['agreedOn'],
    ...crossFieldsWhenWellFormed,
  })
  .refine((l) => l.settlement.other === 0 || l.settlement.otherDescription !== undefined, {
    message: liquidationKeys.otherNeedsDescription,
    path: ['settlement', 'otherDescription'],
    ...crossFieldsWhenWellFormed,
  });
export type Liquidation = z.infer<typeof liquidationSchema>;

/**
 * Whose fault an early return is, as the reason suggests: a worker's breach is the worker's; health,
 * an employer's breach and force majeure are not; a terminated contract or "other" depends on the
 * facts, and the enterprise decides (the refund helper takes the decision, not the reason).
 */
export function earlyReturnFault(reason: EarlyReturnReason): 'worker' | 'notWorker' | 'undetermined' {
  if (reason === 'workerBreach') return 'worker';
  if (reason === 'health' || reason === 'employerBreach' || reason === 'forceMajeure') return 'notWorker';
  return 'undetermined';
}

export interface ServiceFeeRefundInput {
  /** Service fee the worker paid for the whole term, in đồng. */
  serviceFeePaid: number;
  /** First and last day of the contract term (both worked days). */
  contractStart: string;
  contractEnd: string;
  /** The day the worker came back; the days after it up to the contract end are the unworked part. */
  returnedOn: string;
  workerAtFault: boolean;
}

/**
 * Service fee refunded on an early return not caused by the worker.
 *
 * Law 69/2020/QH14 Art. 23 (service fee): when a worker who paid the service fee for the whole
 * contract has to come home early through no fault of their own, the service enterprise refunds
 * the fee in proportion to the time left on the contract. Counted in days, as the most exact form
 * of "the time left":
 *
 *   refund = serviceFeePaid × remainingDays / termDays
 *   termDays      = days from contractStart to contractEnd, both included
 *   remainingDays = days after returnedOn up to contractEnd, between 0 and termDays
 *
 * rounded to the nearest đồng, halves up (in the worker's favour). No refund when the worker is at
 * fault or came back on or after the last day; a return before the contract started refunds all.
 */
export function serviceFeeRefund(input: ServiceFeeRefundInput): number {
  const { serviceFeePaid, contractStart, contractEnd, returnedOn, workerAtFault } = input;
  if (!Number.isSafeInteger(serviceFeePaid) || serviceFeePaid < 0) throw new RangeError('serviceFeePaid must be whole đồng, not negative');
  const termDays = calendarDaysBetween(contractStart, contractEnd) + 1;
  if (termDays < 1) throw new RangeError('the contract ends before it starts');
  if (workerAtFault) return 0;
  const remainingDays = Math.min(termDays, Math.max(0, calendarDaysBetween(returnedOn, contractEnd)));
  // Exact integer arithmetic: fee × days can pass 2^53 for large fees and long terms.
  const numerator = BigInt(serviceFeePaid) * BigInt(remainingDays) * 2n + BigInt(termDays);
  return Number(numerator / (2n * BigInt(termDays)));
}
