// "Ghi nhận sự kiện": one event of a worker abroad (type, date and that type's fields), checked with the
// shared workerEventSchema, recorded with workers:recordEvent as the worker's update draft; then the user
// signs and submits that draft at once ("Ký và nộp") or leaves it among the drafts.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconSignature } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingView, WorkerAbroadRow } from '../../../../src-common/contract';
import {
  disputePartyKinds,
  earlyReturnReasons,
  incidentKinds,
  workerEventSchema,
  type WorkerEventType,
  type WorkerStatus,
} from '../../../../src-common/domain/overseas/worker-events';
import { appErrorOf } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import { useRecordList } from '../../data/use-records';
import { useRecordWorkerEvent } from '../../data/use-workers';
import { countryOptions } from '../../format/countries';
import { useLanguage } from '../../i18n/use-language';
import { issuesOfZod, type FilingIssue } from '../filings/filing-issues';
import type { FilingRef } from '../filings/FilingList';
import { dateInputToIso, isoToDateInput } from '../filings/registration-form-model';
import { useWorkerIssueText } from './use-event-issue-text';

/** The events that can follow the worker's current status (the sequence rules of worker-events.ts). */
export function eventTypesFor(status: WorkerStatus): WorkerEventType[] {
  switch (status) {
    case 'notDeparted':
    case 'returned':
    case 'returnedEarly':
      return ['departed'];
    case 'abroad':
      return ['employerChanged', 'incident', 'dispute', 'leftWorkplace', 'returnedOnTerm', 'returnedEarly', 'deceased'];
    case 'absconded':
      return ['incident', 'dispute', 'returnedOnTerm', 'returnedEarly', 'deceased'];
    case 'deceased':
      return [];
  }
}

interface EventValues {
  type: WorkerEventType | '';
  date: string;
  flightNumber: string;
  arrivalCountry: string;
  newEmployerId: string;
  reason: string;
  kind: string;
  description: string;
  withParty: string;
  reportedBy: string;
  earlyReason: string;
  note: string;
  cause: string;
  repatriationNote: string;
}

const today = () => isoToDateInput(new Date().toISOString().slice(0, 10));

/** The event as the schema wants it, from what is typed; empty optional texts are left out. */
export function eventOfValues(values: EventValues): Record<string, unknown> {
  const text = (value: string) => value.normalize('NFC').trim();
  const optional = (key: string, value: string) => (text(value) ? { [key]: text(value) } : {});
  const base = { type: values.type, date: dateInputToIso(values.date) };
  switch (values.type) {
    case 'departed':
      return { ...base, ...optional('flightNumber', values.flightNumber.toUpperCase()), arrivalCountry: values.arrivalCountry };
    case 'employerChanged':
      return { ...base, newEmployerId: values.newEmployerId, reason: text(values.reason) };
    case 'incident':
      return { ...base, kind: values.kind, description: text(values.description) };
    case 'dispute':
      return { ...base, withParty: values.withParty, description: text(values.description) };
    case 'leftWorkplace':
      return { ...base, reportedBy: text(values.reportedBy) };
    case 'returnedOnTerm':
      return base;
    case 'returnedEarly':
      return { ...base, reason: values.earlyReason, ...optional('note', values.note) };
    case 'deceased':
      return { ...base, cause: text(values.cause), ...optional('repatriationNote', values.repatriationNote) };
    default:
      return base;
  }
}

export function WorkerEventDialog({
  worker,
  onClose,
  onSign,
}: {
  worker: WorkerAbroadRow;
  onClose: () => void;
  /** "Ký và nộp" of the update draft just recorded. */
  onSign: (filings: FilingRef[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const issueText = useWorkerIssueText();
  const errorText = useErrorText();
  const record = useRecordWorkerEvent();
  const allowed = eventTypesFor(worker.status);
  const [values, setValues] = useState<EventValues>({
    type: allowed[0] ?? '',
    date: today(),
    flightNumber: '',
    arrivalCountry: worker.hostCountry ?? '',
    newEmployerId: '',
    reason: '',
    kind: '',
    description: '',
    withParty: '',
    reportedBy: '',
    earlyReason: '',
    note: '',
    cause: '',
    repatriationNote: '',
  });
  const [checked, setChecked] = useState(false);
  const [recorded, setRecorded] = useState<FilingView | null>(null);
  const countries = useMemo(() => countryOptions(language), [language]);
  const employers = useRecordList({ entity: 'employer', search: '', limit: 500, offset: 0 });

  const event = eventOfValues(values);
  const parsed = workerEventSchema.safeParse(event);
  const issues: FilingIssue[] = checked && !parsed.success ? issuesOfZod(parsed.error) : [];
  const errorOf = (field: string) => {
    const issue = issues.find((candidate) => candidate.path[0] === field);
    return issue ? issueText(issue) : undefined;
  };
  const set = (field: keyof EventValues) => (value: string | null) => setValues((current) => ({ ...current, [field]: value ?? '' }));
  const textProps = (field: keyof EventValues, errorField: string = field) => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => set(field)(e.currentTarget.value),
    error: errorOf(errorField),
  });
  const selectProps = (field: keyof EventValues, data: { value: string; label: string }[], errorField: string = field) => ({
    data,
    value: values[field] || null,
    onChange: set(field),
    error: errorOf(errorField),
    allowDeselect: false,
  });
  const typeOptions = allowed.map((key) => ({ value: key, label: t(`workers.events.${key}`) }));
  const incidentOptions = incidentKinds.map((key) => ({ value: key, label: t(`workers.incidentKinds.${key}`) }));
  const partyOptions = disputePartyKinds.map((key) => ({ value: key, label: t(`workers.disputeParties.${key}`) }));
  const reasonOptions = earlyReturnReasons.map((key) => ({ value: key, label: t(`workers.earlyReturnReasons.${key}`) }));

  const submit = async () => {
    setChecked(true);
    if (!parsed.success || record.isPending) return;
    try {
      setRecorded(await record.mutateAsync({ registrationFilingId: worker.registrationFilingId, citizenId: worker.citizenId, event: parsed.data }));
    } catch {
      // Shown from record.error below.
    }
  };
  const failure = appErrorOf(record.error);
  const title = t('workers.recordEventFor', { name: worker.fullName });

  return (
    <Modal opened onClose={onClose} title={title} size="lg" centered>
      {recorded ? (
        <Stack gap="sm" data-testid="worker-event-recorded">
          <Alert color="green" variant="light" role="status">
            <Text size="sm">{t('workers.event.recorded', { title: recorded.title, version: recorded.version })}</Text>
          </Alert>
          <Group>
            <Button
              leftSection={<IconSignature size={16} />}
              data-autofocus
              onClick={() => onSign([{ filingId: recorded.filingId, version: recorded.version, title: recorded.title }])}
            >
              {t('workers.event.signNow')}
            </Button>
            <Button variant="default" onClick={onClose}>
              {t('workers.event.keepDraft')}
            </Button>
          </Group>
        </Stack>
      ) : allowed.length === 0 ? (
        <Text size="sm" data-testid="worker-event-none">
          {t('workers.event.noneAllowed')}
        </Text>
      ) : (
        <form
          noValidate
          aria-label={title}
          data-testid="worker-event-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select label={t('workers.event.type')} withAsterisk {...selectProps('type', typeOptions)} data-autofocus />
              <TextInput label={t('workers.event.date')} withAsterisk placeholder={t('filings.form.datePlaceholder')} maxLength={10} {...textProps('date')} />
            </SimpleGrid>
            {values.type === 'departed' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <TextInput label={t('workers.event.flightNumber')} description={t('workers.event.flightNumberHint')} maxLength={8} {...textProps('flightNumber')} />
                <Select label={t('workers.event.arrivalCountry')} withAsterisk searchable limit={300} {...selectProps('arrivalCountry', countries)} />
              </SimpleGrid>
            )}
            {values.type === 'employerChanged' && (
              <>
                <Select
                  label={t('workers.event.newEmployer')}
                  withAsterisk
                  searchable
                  {...selectProps(
                    'newEmployerId',
                    (employers.data?.rows ?? []).map((row) => ({ value: row.id, label: String(row.data.name ?? row.id) })),
                  )}
                />
                <Textarea label={t('workers.event.reason')} withAsterisk rows={2} {...textProps('reason')} />
              </>
            )}
            {values.type === 'incident' && (
              <>
                <Select label={t('workers.event.kind')} withAsterisk {...selectProps('kind', incidentOptions)} />
                <Textarea label={t('workers.event.description')} withAsterisk rows={3} {...textProps('description')} />
              </>
            )}
            {values.type === 'dispute' && (
              <>
                <Select label={t('workers.event.withParty')} withAsterisk {...selectProps('withParty', partyOptions)} />
                <Textarea label={t('workers.event.description')} withAsterisk rows={3} {...textProps('description')} />
              </>
            )}
            {values.type === 'leftWorkplace' && <TextInput label={t('workers.event.reportedBy')} withAsterisk {...textProps('reportedBy')} />}
            {values.type === 'returnedEarly' && (
              <>
                <Select label={t('workers.event.reason')} withAsterisk {...selectProps('earlyReason', reasonOptions, 'reason')} />
                <Textarea label={t('workers.event.note')} rows={2} {...textProps('note')} />
              </>
            )}
            {values.type === 'deceased' && (
              <>
                <TextInput label={t('workers.event.cause')} withAsterisk {...textProps('cause')} />
                <Textarea label={t('workers.event.repatriationNote')} rows={2} {...textProps('repatriationNote')} />
              </>
            )}
            {failure && (
              <Alert color="red" variant="light" role="alert" data-testid="worker-event-failure">
                {errorText(failure)}
              </Alert>
            )}
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('workers.event.submitHint')}
              </Text>
              <Group gap="sm">
                <Button variant="default" onClick={onClose}>
                  {t('workers.event.cancel')}
                </Button>
                <Button type="submit" loading={record.isPending}>
                  {t('workers.event.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
