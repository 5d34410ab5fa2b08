// The contract registration ("đăng ký hợp đồng"), new or a draft: the parties, the Art. 19 contents in
// the law's order, fees against the caps, attachments and the worker list. "Lưu nháp" (Ctrl+S) keeps
// whatever is entered; "Ký và nộp" (Ctrl+Enter) checks the filing with the shared schema first.
import { Alert, Button, Group, NumberInput, Paper, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconDeviceFloppy, IconInfoCircle, IconSignature } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingView } from '../../../../src-common/contract';
import { internshipRegistrationMinDays } from '../../../../src-common/domain/overseas/contract-registration';
import { appErrorOf } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import { useDeleteDraft, useSaveDraft } from '../../data/use-filings';
import { useRecordList } from '../../data/use-records';
import { countryOptions } from '../../format/countries';
import { formatDate, formatDateTime } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';
import { AttachmentsSection } from './AttachmentsSection';
import { FeesSection } from './FeesSection';
import type { FilingRef } from './FilingList';
import {
  clauseKeys,
  contentOfValues,
  contractEndOfValues,
  emptyRegistrationValues,
  filingTypeOfValues,
  formPathOf,
  registrationIssues,
  termDaysOfValues,
  valuesOfContent,
  type RegistrationFormValues,
} from './registration-form-model';
import { useIssueText } from './use-issue-text';
import { WorkerListSection } from './WorkerListSection';

function FormSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={3} fz="sm" fw={600} mb="xs">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

export function ContractRegistrationForm({
  draft,
  onSaved,
  onSign,
}: {
  /** The draft being edited; null for a new registration. */
  draft: FilingView | null;
  /** After a save: the version as the core keeps it (a new draft has its id only now). */
  onSaved: (view: FilingView) => void;
  onSign: (filings: FilingRef[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const saveDraft = useSaveDraft();
  const deleteDraft = useDeleteDraft();
  const form = useForm<RegistrationFormValues>({
    mode: 'controlled',
    initialValues: draft ? valuesOfContent(draft.type, draft.content) : emptyRegistrationValues(),
  });
  const values = form.values;
  const [checked, setChecked] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(draft?.history.at(-1)?.at ?? null);
  const [failure, setFailure] = useState<unknown>(null);
  const [typeFixed, setTypeFixed] = useState(false);

  const employers = useRecordList({ entity: 'employer', search: '', limit: 500, offset: 0 });
  const brokers = useRecordList({ entity: 'broker', search: '', limit: 500, offset: 0 });
  const countries = useMemo(() => countryOptions(language), [language]);
  const partyOptions = (rows: { id: string; data: Record<string, unknown> }[] | undefined) =>
    (rows ?? []).map((row) => ({ value: row.id, label: `${String(row.data.name ?? row.id)}${row.data.country ? ` (${String(row.data.country)})` : ''}` }));

  const issues = useMemo(() => (checked ? registrationIssues(values) : []), [checked, values]);
  const errorOf = (path: string) => {
    const issue = issues.find((candidate) => formPathOf(candidate.path) === path);
    return issue ? issueText(issue) : undefined;
  };
  const input = (path: string) => ({ ...form.getInputProps(path), error: errorOf(path) });
  const select = (path: string) => ({ ...input(path), onChange: (value: string | null) => form.setFieldValue(path, value ?? '') });
  const issuesUnder = (prefix: string) => issues.filter((issue) => issue.path[0] === prefix);

  const type = filingTypeOfValues(values);
  const workerList = type === 'internshipWorkerList';
  const termDays = termDaysOfValues(values);
  const contractEnd = contractEndOfValues(values);
  const currency = values.terms.wages.monthly.currency.trim().toUpperCase();
  const kindLabel = t(`filings.kinds.${values.kind}`);
  const title = values.contractNumber.trim()
    ? t('filings.form.titleFormat', { kind: workerList ? t('filings.types.internshipWorkerList') : kindLabel, number: values.contractNumber.trim() })
    : t('filings.form.untitled', { kind: workerList ? t('filings.types.internshipWorkerList') : kindLabel });

  /** Saves what is entered; a first version whose filing type changed (internship term) is re-created. */
  const save = async (): Promise<FilingView | null> => {
    setFailure(null);
    setTypeFixed(false);
    const { content } = contentOfValues(values);
    try {
      let saved: FilingView;
      if (draft && draft.type !== type) {
        if (draft.version > 1) {
          setTypeFixed(true);
          return null;
        }
        saved = await saveDraft.mutateAsync({ type, title, content });
        await deleteDraft.mutateAsync({ filingId: draft.filingId, version: draft.version });
      } else {
        saved = await saveDraft.mutateAsync({ ...(draft ? { filingId: draft.filingId, version: draft.version } : {}), type, title, content });
      }
      setSavedAt(new Date().toISOString());
      onSaved(saved);
      return saved;
    } catch (error) {
      setFailure(error);
      return null;
    }
  };

  const signAndSubmit = async () => {
    setChecked(true);
    if (registrationIssues(values).length > 0) return;
    const saved = await save();
    if (saved) onSign([{ filingId: saved.filingId, version: saved.version, title: saved.title }]);
  };

  const failureError = appErrorOf(failure);
  const saving = saveDraft.isPending || deleteDraft.isPending;
  const dateProps = { placeholder: t('filings.form.datePlaceholder'), inputMode: 'numeric' as const, maxLength: 10 };

  return (
    <form
      noValidate
      aria-label={title}
      data-testid="registration-form"
      onSubmit={(event) => {
        event.preventDefault();
        void signAndSubmit();
      }}
      onKeyDown={getHotkeyHandler([
        ['mod+S', () => void save()],
        ['mod+Enter', () => void signAndSubmit()],
      ])}
    >
      <Stack gap="md" maw={1100}>
        <FormSection title={t('filings.form.sections.kind')}>
          <SegmentedControl
            aria-label={t('filings.fields.kind')}
            value={values.kind}
            onChange={(value) => form.setFieldValue('kind', value as RegistrationFormValues['kind'])}
            data={(['supply', 'contractor', 'internship'] as const).map((kind) => ({ value: kind, label: t(`filings.kinds.${kind}`) }))}
          />
          {values.kind === 'internship' && (
            <Alert color={workerList ? 'orange' : 'blue'} variant="light" icon={<IconInfoCircle size={18} />} data-testid="internship-boundary" data-type={type}>
              <Text size="sm">
                {t('filings.form.internshipRule', { days: internshipRegistrationMinDays })}{' '}
                {termDays === null
                  ? t('filings.form.internshipTermUnknown')
                  : workerList
                    ? t('filings.form.internshipFilesWorkerList', { days: termDays })
                    : t('filings.form.internshipFilesRegistration', { days: termDays })}
              </Text>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('filings.fields.employerId')}
              withAsterisk
              searchable
              data={partyOptions(employers.data?.rows)}
              nothingFoundMessage={t('filings.form.noEmployer')}
              {...select('employerId')}
            />
            {!workerList && (
              <Select
                label={t('filings.fields.brokerId')}
                description={t('filings.form.brokerHint')}
                searchable
                clearable
                data={partyOptions(brokers.data?.rows)}
                nothingFoundMessage={t('filings.form.noBroker')}
                {...select('brokerId')}
              />
            )}
            <TextInput label={t('filings.fields.contractNumber')} withAsterisk {...input('contractNumber')} />
            <TextInput label={t('filings.fields.signedOn')} withAsterisk {...dateProps} {...input('signedOn')} />
          </SimpleGrid>
        </FormSection>

        <FormSection title={t('filings.form.sections.term')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('filings.fields.termStart')} withAsterisk {...dateProps} {...input('term.start')} />
            <NumberInput label={t('filings.fields.termLength')} withAsterisk min={1} allowDecimal={false} {...input('term.length')} />
            <Select
              label={t('filings.fields.termUnit')}
              data={[
                { value: 'months', label: t('filings.form.months') },
                { value: 'days', label: t('filings.form.days') },
              ]}
              value={values.term.unit}
              onChange={(value) => value && form.setFieldValue('term.unit', value as 'months' | 'days')}
              allowDeselect={false}
            />
          </SimpleGrid>
          {contractEnd && (
            <Text size="sm" c="dimmed" data-testid="contract-end">
              {t('filings.form.contractEnd', { date: formatDate(contractEnd, language), days: termDays ?? 0 })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('filings.fields.hostCountry')} withAsterisk searchable data={countries} limit={300} {...select('hostCountry')} />
            <TextInput label={t('filings.fields.workplace')} withAsterisk {...input('workplace')} />
          </SimpleGrid>
          {workerList && <TagsInput label={t('filings.fields.trades')} withAsterisk {...input('demand.trades')} />}
        </FormSection>

        {!workerList && (
          <>
            <FormSection title={t('filings.form.sections.demand')}>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput label={t('filings.fields.workerCount')} withAsterisk min={1} allowDecimal={false} {...input('demand.workerCount')} />
                <NumberInput label={t('filings.fields.ageMin')} withAsterisk min={15} max={70} allowDecimal={false} {...input('demand.ageRange.min')} />
                <NumberInput label={t('filings.fields.ageMax')} withAsterisk min={15} max={70} allowDecimal={false} {...input('demand.ageRange.max')} />
              </SimpleGrid>
              <TagsInput label={t('filings.fields.trades')} description={t('filings.form.tradesHint')} withAsterisk {...input('demand.trades')} />
            </FormSection>

            <FormSection title={t('filings.form.sections.wages')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NumberInput
                  label={t('filings.fields.wageMonthly')}
                  withAsterisk
                  thousandSeparator="."
                  decimalSeparator=","
                  min={0}
                  {...input('terms.wages.monthly.amount')}
                />
                <TextInput
                  label={t('filings.fields.currency')}
                  description={t('filings.form.currencyHint')}
                  withAsterisk
                  maxLength={3}
                  {...input('terms.wages.monthly.currency')}
                />
              </SimpleGrid>
              <Textarea label={t('filings.fields.overtime')} withAsterisk rows={2} {...input('terms.wages.overtime')} />
              <Textarea label={t('filings.fields.hostCountryDeductions')} withAsterisk rows={2} {...input('terms.wages.hostCountryDeductions')} />
            </FormSection>

            <FormSection title={t('filings.form.sections.fees')} testId="fees">
              <FeesSection values={values} getInputProps={input} />
            </FormSection>

            <FormSection title={t('filings.form.sections.terms')}>
              {clauseKeys.map((key) => (
                <Textarea key={key} label={t(`filings.fields.${key}`)} withAsterisk rows={2} {...input(`terms.${key}`)} />
              ))}
            </FormSection>
          </>
        )}

        <FormSection title={t('filings.form.sections.attachments')}>
          <AttachmentsSection
            attachments={values.attachments}
            contractKind={values.kind}
            readOnly={false}
            errors={issuesUnder('attachments').map(issueText)}
            onChange={(attachments) => form.setFieldValue('attachments', attachments)}
          />
        </FormSection>

        <FormSection title={t('filings.form.sections.workers', { count: values.workers.length })}>
          <WorkerListSection
            workers={values.workers}
            currency={currency}
            readOnly={false}
            listIssues={issuesUnder('workers')}
            onChange={(workers) => form.setFieldValue('workers', workers)}
          />
        </FormSection>

        {checked && issues.length > 0 && (
          <Alert color="red" variant="light" role="alert" data-testid="form-issue-count">
            {t('filings.form.issuesBeforeSigning', { count: issues.length })}
          </Alert>
        )}
        {(failureError || typeFixed) && (
          <Alert color="red" variant="light" role="alert" data-testid="form-failure">
            {failureError ? errorText(failureError) : t('filings.form.typeFixed')}
          </Alert>
        )}
        <Group justify="space-between" align="center" pos="sticky" bottom={0} py="xs" bg="var(--mantine-color-body)">
          <Text size="xs" c="dimmed" data-testid="saved-at">
            {savedAt ? t('filings.form.savedAt', { time: formatDateTime(savedAt, language) }) : t('filings.form.notSaved')}
            {' · '}
            {t('filings.form.submitHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} loading={saving}>
              {t('filings.form.saveDraft')}
            </Button>
            <Button type="submit" leftSection={<IconSignature size={16} />} disabled={saving}>
              {t('filings.signAndSubmit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
