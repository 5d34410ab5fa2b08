// A filing's state as a badge, in the status colours used everywhere (draft grey, submitted blue,
// supplement orange, rejected red, approved green), and a receipt's check as a badge.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilingState, ReceiptStatus } from '../../../../src-common/contract';

export const filingStateColors: Record<FilingState, string> = {
  draft: 'gray',
  signed: 'indigo',
  submitted: 'blue',
  received: 'cyan',
  underReview: 'violet',
  approved: 'green',
  rejected: 'red',
  supplementRequested: 'orange',
  refused: 'red',
};

export function FilingStateBadge({ state }: { state: FilingState }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={filingStateColors[state]} data-testid="filing-state" data-state={state} styles={{ label: { overflow: 'visible' } }}>
      {t(`filings.states.${state}`)}
    </Badge>
  );
}

const receiptColors: Record<ReceiptStatus, string> = { valid: 'green', invalid: 'red', unverified: 'gray' };

export function ReceiptStatusBadge({ status }: { status: ReceiptStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="dot" color={receiptColors[status]} data-testid="receipt-status" data-status={status} styles={{ label: { overflow: 'visible' } }}>
      {t(`filings.receiptStatus.${status}`)}
    </Badge>
  );
}
