// Đồng bộ: the connection and outbox in detail, "sync now", recent attempts and the needs-attention list.
import { Alert, Badge, Button, Group, Kbd, Loader, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useIsMutating } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttentionItem, SyncAttempt, SyncStatus } from '../../../src-common/contract';
import type { AppError } from '../../../src-common/result';
import { appErrorOf, validationIssuesOf } from '../bridge/contract-call';
import { useErrorText } from '../bridge/error-text';
import { ErrorPanel } from '../components/ErrorPanel';
import { KeyValueTable } from '../components/KeyValueTable';
import { PageHeader } from '../components/PageHeader';
import { useSyncAttempts, useSyncAttention, useSyncDiscard, useSyncResubmit, useSyncRun, useSyncStatus } from '../data/use-sync';
import { formatDateTime, formatInteger } from '../format/format';
import { useLanguage } from '../i18n/use-language';
import { hotkeyLabel, syncNowHotkey } from '../shell/areas';
import { connectionColor } from '../shell/SyncBadge';
import { CorrectionModal, isCorrectable } from './registry/CorrectionModal';
import { Section } from '../components/Section';

const ATTEMPTS_SHOWN = 20;

export function SyncPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('sync.title')} description={t('sync.intro')} />
      <Stack gap="md" maw={1200}>
        <StatusSection />
        <AttentionSection />
        <AttemptsSection />
      </Stack>
    </>
  );
}

function useErrorInfoText() {
  const errorText = useErrorText();
  // Stored errors carry the portal's or core's message; a known code reads in the UI's language.
  return (error: { code: string; message: string; details?: unknown } | null) => (error ? errorText(error as AppError) : null);
}

function StatusSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useSyncStatus();
  const run = useSyncRun();
  const running = useIsMutating({ mutationKey: ['sync', 'run'] }) > 0;
  const errorInfoText = useErrorInfoText();
  const errorText = useErrorText();
  const runFailure = appErrorOf(run.error);
  const keys = hotkeyLabel(syncNowHotkey);

  const time = (value: string | null) => (value ? formatDateTime(value, language) : t('sync.none'));
  const rows = (data: SyncStatus) => [
    {
      label: t('sync.fields.connection'),
      value: (
        <Badge color={connectionColor[data.connection]} variant="light" data-testid="sync-panel-connection">
          {t(`sync.connection.${data.connection}`)}
        </Badge>
      ),
    },
    { label: t('sync.fields.pending'), value: <span data-testid="sync-panel-pending">{formatInteger(data.pending, language)}</span> },
    { label: t('sync.fields.needsAttention'), value: formatInteger(data.needsAttention, language) },
    { label: t('sync.fields.lastSuccessAt'), value: data.lastSuccessAt ? time(data.lastSuccessAt) : t('sync.neverSynced') },
    { label: t('sync.fields.lastAttemptAt'), value: time(data.lastAttemptAt) },
    { label: t('sync.fields.nextAttemptAt'), value: time(data.nextAttemptAt) },
    { label: t('sync.fields.lastError'), value: errorInfoText(data.lastError) ?? t('sync.none') },
  ];

  return (
    <Section
      title={t('sync.status')}
      actions={
        <Tooltip label={t('common.shortcut', { keys })}>
          <Button
            leftSection={<IconRefresh size={16} />}
            loading={running}
            onClick={() => run.mutate()}
            disabled={status.data?.connection === 'signedOut'}
            rightSection={
              <Kbd size="xs" aria-hidden>
                {keys}
              </Kbd>
            }
          >
            {t('sync.runNow')}
          </Button>
        </Tooltip>
      }
    >
      {runFailure && (
        // Offline is calm (ux.md): grey, with what happens next.
        <Alert color={runFailure.code === 'SYNC_OFFLINE' ? 'gray' : 'red'} variant="light" mb="sm" role="alert">
          {t('sync.runFailed', { message: errorText(runFailure) })}
        </Alert>
      )}
      {status.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : status.isError ? (
        <ErrorPanel error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <KeyValueTable rows={rows(status.data)} />
      )}
    </Section>
  );
}

function kindLabelKey(kind: string) {
  switch (kind) {
    case 'enterprise.updateProfile':
      return 'sync.kinds.enterpriseUpdateProfile' as const;
    case 'branch.upsert':
      return 'sync.kinds.branchUpsert' as const;
    case 'employer.upsert':
      return 'sync.kinds.employerUpsert' as const;
    case 'broker.upsert':
      return 'sync.kinds.brokerUpsert' as const;
    case 'filing.submit':
      return 'sync.kinds.filingSubmit' as const;
    default:
      return null;
  }
}

/** A line naming what the change is about: the employer's, branch's or broker's name, a filing's title. */
function subjectOf(item: AttentionItem): string {
  const payload = item.payload as { fields?: { name?: unknown }; title?: unknown; profile?: { nameVi?: unknown } } | null;
  const candidates = [payload?.fields?.name, payload?.title, payload?.profile?.nameVi];
  const found = candidates.find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return found ?? item.id;
}

function AttentionSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const attention = useSyncAttention();
  const discard = useSyncDiscard();
  const resubmit = useSyncResubmit();
  const errorInfoText = useErrorInfoText();
  const [discarding, setDiscarding] = useState<AttentionItem | null>(null);
  const [correcting, setCorrecting] = useState<AttentionItem | null>(null);
  const discardFailure = appErrorOf(discard.error);
  const errorText = useErrorText();

  return (
    <Section title={t('sync.attention')} testId="sync-attention">
      <Text size="sm" c="dimmed" mb="xs">
        {t('sync.attentionIntro')}
      </Text>
      {discardFailure && (
        <Alert color="red" variant="light" mb="sm" role="alert">
          {errorText(discardFailure)}
        </Alert>
      )}
      {attention.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : attention.isError ? (
        <ErrorPanel error={attention.error} onRetry={() => void attention.refetch()} />
      ) : attention.data.length === 0 ? (
        <Text size="sm">{t('sync.noAttention')}</Text>
      ) : (
        <Table verticalSpacing={6} fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.attentionColumns.kind')}</Table.Th>
              <Table.Th>{t('sync.attentionColumns.subject')}</Table.Th>
              <Table.Th>{t('sync.attentionColumns.createdAt')}</Table.Th>
              <Table.Th>{t('sync.attentionColumns.rejectedAt')}</Table.Th>
              <Table.Th>{t('sync.attentionColumns.reason')}</Table.Th>
              <Table.Th>{t('sync.attentionColumns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attention.data.map((item) => {
              const kindKey = kindLabelKey(item.kind);
              const fields = validationIssuesOf(item.error as AppError).map((issue) => issue.path);
              const correctable = isCorrectable(item.kind);
              return (
                <Table.Tr key={item.id} data-testid="attention-row" data-id={item.id} data-kind={item.kind}>
                  <Table.Td>{kindKey ? t(kindKey) : item.kind}</Table.Td>
                  <Table.Td fw={500}>{subjectOf(item)}</Table.Td>
                  <Table.Td>{formatDateTime(item.createdAt, language)}</Table.Td>
                  <Table.Td>{item.rejectedAt ? formatDateTime(item.rejectedAt, language) : ''}</Table.Td>
                  <Table.Td>
                    <Text size="sm" c="red" data-testid="attention-reason">
                      {errorInfoText(item.error)}
                    </Text>
                    {fields.length > 0 && (
                      <Text size="xs" c="dimmed">
                        {t('sync.rejectedFields', { fields: fields.join(', ') })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Tooltip label={t('sync.resubmitUnavailable')} disabled={correctable}>
                        <Button
                          size="xs"
                          variant="light"
                          disabled={!correctable}
                          onClick={() => {
                            resubmit.reset();
                            setCorrecting(item);
                          }}
                        >
                          {t('sync.resubmit')}
                        </Button>
                      </Tooltip>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          discard.reset();
                          setDiscarding(item);
                        }}
                      >
                        {t('sync.discard')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}

      <Modal opened={discarding !== null} onClose={() => setDiscarding(null)} title={t('sync.discardTitle')}>
        {discarding && (
          <Stack gap="md">
            <Text size="sm">{t('sync.discardBody', { subject: subjectOf(discarding) })}</Text>
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDiscarding(null)} data-autofocus>
                {t('employers.cancel')}
              </Button>
              <Button
                color="red"
                loading={discard.isPending}
                onClick={() => discard.mutate({ id: discarding.id }, { onSettled: () => setDiscarding(null) })}
              >
                {t('sync.discardConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      {correcting && (
        <CorrectionModal
          key={correcting.id}
          kind={correcting.kind}
          payload={correcting.payload}
          title={t('sync.resubmitTitle', { subject: subjectOf(correcting) })}
          submitLabel={t('sync.resubmitSave')}
          pending={resubmit.isPending}
          error={resubmit.error}
          onClose={() => setCorrecting(null)}
          // The same record, corrected; core gives the new mutation its own id.
          onResubmit={(payload) => resubmit.mutate({ id: correcting.id, payload }, { onSuccess: () => setCorrecting(null) })}
        />
      )}
    </Section>
  );
}

function AttemptsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const attempts = useSyncAttempts(ATTEMPTS_SHOWN);
  const errorInfoText = useErrorInfoText();
  const outcomeColor: Record<SyncAttempt['outcome'], string> = { ok: 'green', offline: 'gray', error: 'red', auth: 'orange' };
  return (
    <Section title={t('sync.attempts')} testId="sync-attempts">
      {attempts.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : attempts.isError ? (
        <ErrorPanel error={attempts.error} onRetry={() => void attempts.refetch()} />
      ) : attempts.data.length === 0 ? (
        <Text size="sm">{t('sync.noAttempts')}</Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sync.attemptColumns.startedAt')}</Table.Th>
              <Table.Th>{t('sync.attemptColumns.outcome')}</Table.Th>
              <Table.Th ta="right">{t('sync.attemptColumns.pushed')}</Table.Th>
              <Table.Th ta="right">{t('sync.attemptColumns.applied')}</Table.Th>
              <Table.Th ta="right">{t('sync.attemptColumns.rejected')}</Table.Th>
              <Table.Th ta="right">{t('sync.attemptColumns.pulled')}</Table.Th>
              <Table.Th>{t('sync.attemptColumns.error')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attempts.data.map((attempt) => (
              <Table.Tr key={attempt.id} data-testid="attempt-row" data-outcome={attempt.outcome}>
                <Table.Td>{formatDateTime(attempt.startedAt, language)}</Table.Td>
                <Table.Td>
                  <Badge size="sm" variant="light" color={outcomeColor[attempt.outcome]}>
                    {t(`sync.outcomes.${attempt.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatInteger(attempt.pushed, language)}</Table.Td>
                <Table.Td ta="right">{formatInteger(attempt.applied, language)}</Table.Td>
                <Table.Td ta="right">{formatInteger(attempt.rejected, language)}</Table.Td>
                <Table.Td ta="right">{formatInteger(attempt.pulled, language)}</Table.Td>
                <Table.Td>{errorInfoText(attempt.error) ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
