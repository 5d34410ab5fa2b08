// "Thanh lý hợp đồng" for a worker who came back: contract end, return date, reason, the settlement in
// VND (the service-fee refund suggested pro rata by serviceFeeRefund), agreed by both sides and when;
// checked with the shared liquidationSchema, saved as a `liquidation` draft and signed like any filing.
import { Alert, Anchor, Button, Checkbox, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconDeviceFloppy, IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkerAbroadRow } from '../../../../src-common/contract';
import { earlyReturnFault, liquidationReasons, liquidationSchema, serviceFeeRefund, type LiquidationReason } from '../../../../src-common/domain/overseas/liquidation';
import { earlyReturnReasons, type EarlyReturnReason } from '../../../../src-common/domain/overseas/worker-events';
import { useBridge } from '../../bridge/BridgeContext';
import { appErrorOf, callContract } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import { useSaveDraft } from '../../data/use-filings';
import { formatMoney } from '../../format/money';
import { useLanguage } from '../../i18n/use-language';
import { issuesOfZod, type FilingIssue } from '../filings/filing-issues';
import type { FilingRef } from '../filings/FilingList';
import { dateInputToIso, isoToDateInput } from '../filings/registration-form-model';
import { useWorkerIssueText } from './use-event-issue-text';

type Amount = number | '';
const settlementKeys = ['depositRefund', 'serviceFeeRefund', 'brokerageRefund', 'compensationPaid', 'compensationReceived', 'other'] as const;
type SettlementKey = (typeof settlementKeys)[number];

interface LiquidationValues {
  contractStart: string;
  contractEndsOn: string;
  returnedOn: string;
  reason: LiquidationReason | '';
  serviceFeePaid: Amount;
  workerAtFault: boolean;
  settlement: Record<SettlementKey, Amount>;
  otherDescription: string;
  agreedByBothSides: boolean;
  agreedOn: string;
}

const isIso = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
const isEarly = (reason: string): reason is EarlyReturnReason => (earlyReturnReasons as readonly string[]).includes(reason);

/** The registration's term start, for the pro-rata refund (the list row carries only the contract end). */
function useRegistrationStart(worker: WorkerAbroadRow) {
  const bridge = useBridge();
  return useQuery({
    queryKey: ['records', 'filing', 'registration-start', worker.registrationFilingId],
    queryFn: async () => {
      const list = await callContract(bridge, 'filings:list', { search: worker.registrationTitle.slice(0, 100), limit: 100, offset: 0 });
      const versions = list.rows.filter((row) => row.filingId === worker.registrationFilingId).map((row) => row.version);
      if (versions.length === 0) return null;
      const view = await callContract(bridge, 'filings:get', { filingId: worker.registrationFilingId, version: Math.max(...versions) });
      const start = (view.content.term as { start?: unknown } | undefined)?.start;
      return typeof start === 'string' ? start : null;
    },
  });
}

export function LiquidationDialog({ worker, onClose, onSign }: { worker: WorkerAbroadRow; onClose: () => void; onSign: (filings: FilingRef[]) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const issueText = useWorkerIssueText();
  const errorText = useErrorText();
  const saveDraft = useSaveDraft();
  const registrationStart = useRegistrationStart(worker);
  const returnEvent = worker.lastEvent && ['returnedOnTerm', 'returnedEarly', 'deceased'].includes(worker.lastEvent.type) ? worker.lastEvent : null;
  const [values, setValues] = useState<LiquidationValues>({
    contractStart: '',
    contractEndsOn: isoToDateInput(worker.contractEndsOn ?? ''),
    returnedOn: isoToDateInput(returnEvent?.date ?? ''),
    reason: worker.status === 'returned' ? 'contractCompleted' : worker.status === 'deceased' ? 'deceased' : '',
    serviceFeePaid: '',
    workerAtFault: false,
    settlement: { depositRefund: 0, serviceFeeRefund: 0, brokerageRefund: 0, compensationPaid: 0, compensationReceived: 0, other: 0 },
    otherDescription: '',
    agreedByBothSides: false,
    agreedOn: '',
  });
  const [checked, setChecked] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // Saved once, the same draft is edited again rather than a second one made.
  const [draftRef, setDraftRef] = useState<{ filingId: string; version: number } | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  // The term start from the registration, until the user types another.
  const contractStart = values.contractStart || isoToDateInput(registrationStart.data ?? '');

  const set = <K extends keyof LiquidationValues>(key: K, value: LiquidationValues[K]) => setValues((current) => ({ ...current, [key]: value }));
  const setAmount = (key: SettlementKey, value: Amount) => setValues((current) => ({ ...current, settlement: { ...current.settlement, [key]: value } }));
  const chooseReason = (reason: LiquidationReason) =>
    setValues((current) => ({ ...current, reason, workerAtFault: isEarly(reason) ? earlyReturnFault(reason) === 'worker' : false }));

  const title = t('workers.liquidation.titleFormat', { name: worker.fullName, citizenId: worker.citizenId });
  const otherDescription = values.otherDescription.normalize('NFC').trim();
  const content: Record<string, unknown> = {
    registrationFilingId: worker.registrationFilingId,
    citizenId: worker.citizenId,
    contractEndsOn: dateInputToIso(values.contractEndsOn),
    returnedOn: dateInputToIso(values.returnedOn),
    ...(values.reason ? { reason: values.reason } : {}),
    settlement: {
      ...Object.fromEntries(settlementKeys.filter((key) => values.settlement[key] !== '').map((key) => [key, values.settlement[key]])),
      ...(otherDescription ? { otherDescription } : {}),
    },
    agreedByBothSides: values.agreedByBothSides,
    ...(values.agreedByBothSides && values.agreedOn ? { agreedOn: dateInputToIso(values.agreedOn) } : {}),
  };
  const parsed = liquidationSchema.safeParse(content);
  const issues: FilingIssue[] = checked && !parsed.success ? issuesOfZod(parsed.error) : [];
  const errorOf = (path: string) => {
    const issue = issues.find((candidate) => candidate.path.map(String).join('.') === path);
    return issue ? issueText(issue) : undefined;
  };

  const suggestion = (() => {
    const start = dateInputToIso(contractStart);
    const end = dateInputToIso(values.contractEndsOn);
    const back = dateInputToIso(values.returnedOn);
    if (typeof values.serviceFeePaid !== 'number' || !isIso(start) || !isIso(end) || !isIso(back) || end < start) return null;
    try {
      return serviceFeeRefund({ serviceFeePaid: values.serviceFeePaid, contractStart: start, contractEnd: end, returnedOn: back, workerAtFault: values.workerAtFault });
    } catch {
      return null;
    }
  })();

  const save = async (thenSign: boolean) => {
    setFailure(null);
    if (thenSign) {
      setChecked(true);
      if (!parsed.success) return;
    }
    try {
      const view = await saveDraft.mutateAsync({ ...(draftRef ?? {}), type: 'liquidation', title, content });
      setDraftRef({ filingId: view.filingId, version: view.version });
      if (thenSign) onSign([{ filingId: view.filingId, version: view.version, title: view.title }]);
      else setSaved(view.title);
    } catch (error) {
      setFailure(error);
    }
  };
  const failureError = appErrorOf(failure);
  const dateProps = (key: 'contractEndsOn' | 'returnedOn' | 'agreedOn') => ({
    placeholder: t('filings.form.datePlaceholder'),
    maxLength: 10,
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errorOf(key),
  });
  const amountProps = (key: SettlementKey) => ({
    label: t(`workers.liquidation.${key}`),
    thousandSeparator: '.',
    decimalSeparator: ',',
    allowDecimal: false,
    allowNegative: false,
    min: 0,
    value: values.settlement[key],
    onChange: (value: string | number) => setAmount(key, typeof value === 'number' ? value : ''),
    error: errorOf(`settlement.${key}`),
  });
  const reasonLabel = (reason: LiquidationReason) =>
    isEarly(reason) ? t(`workers.earlyReturnReasons.${reason}`) : t(`workers.liquidationReasons.${reason}`);

  return (
    <Modal opened onClose={onClose} title={t('workers.liquidateFor', { name: worker.fullName })} size="xl" centered>
      <form
        noValidate
        aria-label={t('workers.liquidateFor', { name: worker.fullName })}
        data-testid="liquidation-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(true);
        }}
        onKeyDown={getHotkeyHandler([
          ['mod+S', () => void save(false)],
          ['mod+Enter', () => void save(true)],
        ])}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('workers.liquidation.intro')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('workers.liquidation.contractStart')}
              placeholder={t('filings.form.datePlaceholder')}
              maxLength={10}
              value={contractStart}
              onChange={(e) => set('contractStart', e.currentTarget.value)}
            />
            <TextInput label={t('workers.liquidation.contractEndsOn')} withAsterisk {...dateProps('contractEndsOn')} />
            <TextInput label={t('workers.liquidation.returnedOn')} withAsterisk {...dateProps('returnedOn')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('workers.liquidation.reason')}
              withAsterisk
              data={liquidationReasons.map((reason) => ({ value: reason, label: reasonLabel(reason) }))}
              value={values.reason || null}
              onChange={(value) => value && chooseReason(value as LiquidationReason)}
              allowDeselect={false}
              error={errorOf('reason')}
            />
            <NumberInput
              label={t('workers.liquidation.serviceFeePaid')}
              thousandSeparator="."
              decimalSeparator=","
              allowDecimal={false}
              allowNegative={false}
              value={values.serviceFeePaid}
              onChange={(value) => set('serviceFeePaid', typeof value === 'number' ? value : '')}
            />
          </SimpleGrid>
          <Checkbox label={t('workers.liquidation.workerAtFault')} checked={values.workerAtFault} onChange={(e) => set('workerAtFault', e.currentTarget.checked)} />
          {suggestion !== null && (
            <Alert color="blue" variant="light" p="xs" data-testid="refund-suggestion" data-amount={suggestion}>
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Text size="sm">{t('workers.liquidation.suggestedRefund', { amount: formatMoney(suggestion, 'VND', language) })}</Text>
                  <Text size="xs" c="dimmed">
                    {t('workers.liquidation.refundBasis')}
                  </Text>
                </Stack>
                <Anchor component="button" type="button" size="sm" onClick={() => setAmount('serviceFeeRefund', suggestion)}>
                  {t('workers.liquidation.useSuggestion')}
                </Anchor>
              </Group>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            {settlementKeys.map((key) => (
              <NumberInput key={key} {...amountProps(key)} />
            ))}
          </SimpleGrid>
          {values.settlement.other !== 0 && values.settlement.other !== '' && (
            <TextInput
              label={t('workers.liquidation.otherDescription')}
              withAsterisk
              value={values.otherDescription}
              onChange={(e) => set('otherDescription', e.currentTarget.value)}
              error={errorOf('settlement.otherDescription')}
            />
          )}
          <Group align="flex-end" gap="md">
            <Checkbox
              label={t('workers.liquidation.agreedByBothSides')}
              checked={values.agreedByBothSides}
              onChange={(e) => set('agreedByBothSides', e.currentTarget.checked)}
              mb={8}
            />
            {values.agreedByBothSides && <TextInput label={t('workers.liquidation.agreedOn')} withAsterisk w={160} {...dateProps('agreedOn')} />}
          </Group>
          {checked && issues.length > 0 && (
            <Alert color="red" variant="light" role="alert" data-testid="liquidation-issues">
              {t('workers.liquidation.issues', { count: issues.length })}
            </Alert>
          )}
          {failureError && (
            <Alert color="red" variant="light" role="alert">
              {errorText(failureError)}
            </Alert>
          )}
          {saved && (
            <Alert color="green" variant="light" role="status" data-testid="liquidation-saved">
              {t('workers.liquidation.saved', { title: saved })}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save(false)} loading={saveDraft.isPending}>
              {t('workers.liquidation.saveDraft')}
            </Button>
            <Button type="submit" leftSection={<IconSignature size={16} />} disabled={saveDraft.isPending}>
              {t('workers.liquidation.signAndSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
