// One filing version once it left the drafts: its content read-only, the portal's receipt and its check,
// the refusal or the officer's reason, the timeline, and "Tạo bản bổ sung" when a supplement is asked for.
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFilePlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FilingView } from '../../../../src-common/contract';
import { isErrorCode } from '../../../../src-common/errors';
import { useErrorText } from '../../bridge/error-text';
import { ErrorPanel } from '../../components/ErrorPanel';
import { KeyValueTable } from '../../components/KeyValueTable';
import { useNewVersion } from '../../data/use-filings';
import { useRecordList } from '../../data/use-records';
import { countryName } from '../../format/countries';
import { formatDate, formatDateTime, formatInteger } from '../../format/format';
import { formatMoney } from '../../format/money';
import { useLanguage } from '../../i18n/use-language';
import { AttachmentsSection } from './AttachmentsSection';
import { FilingStateBadge, ReceiptStatusBadge } from './FilingStateBadge';
import { FilingTimeline } from './FilingTimeline';
import { contractEndOfValues, valuesOfContent } from './registration-form-model';
import { WorkerListSection } from './WorkerListSection';

export function FilingDetail({ filing, onOpenVersion }: { filing: FilingView; onOpenVersion: (version: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const newVersion = useNewVersion();
  const decision = [...filing.history].reverse().find((entry) => entry.transition === 'rejected' || entry.transition === 'supplementRequested');
  const decisionReason = typeof decision?.detail?.reason === 'string' ? decision.detail.reason : null;

  return (
    <Stack gap="md" maw={1100} data-testid="filing-detail" data-state={filing.state}>
      <Group gap="sm">
        <FilingStateBadge state={filing.state} />
        <Badge size="sm" variant="outline" color="gray">
          {t('filings.detail.version', { version: filing.version })}
        </Badge>
        <Text size="sm" c="dimmed">
          {t(`filings.types.${filing.type}`)}
        </Text>
        {filing.state === 'supplementRequested' && (
          <Button
            ml="auto"
            leftSection={<IconFilePlus size={16} />}
            loading={newVersion.isPending}
            onClick={() => newVersion.mutate({ filingId: filing.filingId }, { onSuccess: (next) => onOpenVersion(next.version) })}
          >
            {t('filings.detail.newVersion')}
          </Button>
        )}
      </Group>
      {newVersion.isError && <ErrorPanel error={newVersion.error} />}

      {filing.refusal && (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle size={18} />} title={t('filings.detail.refusedTitle')} data-testid="filing-refusal">
          {isErrorCode(filing.refusal.code) ? errorText({ code: filing.refusal.code, message: filing.refusal.message }) : filing.refusal.message}
        </Alert>
      )}
      {decision && (
        <Alert
          color={decision.transition === 'rejected' ? 'red' : 'orange'}
          variant="light"
          title={decision.transition === 'rejected' ? t('filings.detail.rejectedTitle') : t('filings.detail.supplementTitle')}
          data-testid="filing-decision"
        >
          {decisionReason ?? t('filings.detail.noReason')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="sm" p="md" component="section" aria-label={t('filings.detail.receipt')} data-testid="filing-receipt">
          <Title order={3} fz="sm" fw={600} mb="xs">
            {t('filings.detail.receipt')}
          </Title>
          {filing.receipt ? (
            <KeyValueTable
              rows={[
                { label: t('filings.detail.reference'), value: <Text ff="monospace" size="sm" data-testid="receipt-reference">{filing.receipt.reference}</Text> },
                { label: t('filings.detail.receivedAt'), value: formatDateTime(filing.receipt.receivedAt, language) },
                { label: t('filings.detail.receiptCheck'), value: filing.receiptStatus ? <ReceiptStatusBadge status={filing.receiptStatus} /> : '—' },
              ]}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {filing.state === 'submitted' ? t('filings.detail.awaitingReceipt') : t('filings.detail.noReceipt')}
            </Text>
          )}
        </Paper>
        <Paper withBorder radius="sm" p="md" component="section" aria-label={t('filings.detail.timeline')}>
          <Title order={3} fz="sm" fw={600} mb="xs">
            {t('filings.detail.timeline')}
          </Title>
          <FilingTimeline history={filing.history} />
        </Paper>
      </SimpleGrid>

      <FilingContentView filing={filing} />
    </Stack>
  );
}

/** The content as filed, read-only: registrations field by field; other types as their raw fields. */
function FilingContentView({ filing }: { filing: FilingView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const employers = useRecordList({ entity: 'employer', search: '', limit: 500, offset: 0 });
  if (filing.type !== 'contractRegistration' && filing.type !== 'internshipWorkerList') {
    return (
      <Paper withBorder radius="sm" p="md">
        <KeyValueTable rows={Object.entries(filing.content).map(([label, value]) => ({ label, value: typeof value === 'string' ? value : JSON.stringify(value) }))} />
      </Paper>
    );
  }
  const values = valuesOfContent(filing.type, filing.content);
  const employer = employers.data?.rows.find((row) => row.id === values.employerId);
  const end = contractEndOfValues(values);
  const wage = values.terms.wages.monthly;
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label={t('filings.detail.content')} data-testid="filing-content">
      <Title order={3} fz="sm" fw={600} mb="xs">
        {t('filings.detail.content')}
      </Title>
      <Stack gap="md">
        <KeyValueTable
          rows={[
            { label: t('filings.fields.kind'), value: t(`filings.kinds.${values.kind}`) },
            { label: t('filings.fields.employerId'), value: employer ? String(employer.data.name) : values.employerId },
            { label: t('filings.fields.contractNumber'), value: values.contractNumber },
            { label: t('filings.fields.signedOn'), value: values.signedOn },
            { label: t('filings.fields.termStart'), value: values.term.start },
            { label: t('filings.form.contractEndLabel'), value: end ? formatDate(end, language) : '—' },
            { label: t('filings.fields.hostCountry'), value: values.hostCountry ? countryName(values.hostCountry, language) : '' },
            { label: t('filings.fields.workplace'), value: values.workplace },
            ...(filing.type === 'contractRegistration'
              ? [
                  { label: t('filings.fields.workerCount'), value: typeof values.demand.workerCount === 'number' ? formatInteger(values.demand.workerCount, language) : '' },
                  { label: t('filings.fields.wageMonthly'), value: typeof wage.amount === 'number' ? formatMoney(wage.amount, wage.currency || 'VND', language) : '' },
                  {
                    label: t('filings.fields.serviceFeePerWorker'),
                    value: typeof values.fees.serviceFeePerWorker === 'number' ? formatMoney(values.fees.serviceFeePerWorker, wage.currency || 'VND', language) : '',
                  },
                  {
                    label: t('filings.fields.brokerCommissionPerWorker'),
                    value: typeof values.fees.brokerCommissionPerWorker === 'number' ? formatMoney(values.fees.brokerCommissionPerWorker, wage.currency || 'VND', language) : '',
                  },
                ]
              : []),
            { label: t('filings.fields.trades'), value: values.demand.trades.join(', ') },
          ]}
        />
        <AttachmentsSection attachments={values.attachments} contractKind={values.kind} readOnly errors={[]} onChange={() => undefined} />
        <WorkerListSection workers={values.workers} currency={wage.currency} readOnly listIssues={[]} onChange={() => undefined} />
      </Stack>
    </Paper>
  );
}
