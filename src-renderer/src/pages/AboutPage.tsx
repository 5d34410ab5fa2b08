// Giới thiệu: version, data folder, central portal, store encryption, key protection and the audit chain's state.
import { ActionIcon, Badge, Code, Group, Loader, SimpleGrid, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconRefresh, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AppInfo, AuditEntry, AuditVerdict } from '../../../src-common/contract';
import { useAppInfo, useAuditVerdict, useRecentAuditEntries } from '../data/use-about';
import { queryKeys } from '../data/query-keys';
import { formatBytes, formatDateTime, formatInteger } from '../format/format';
import { useLanguage } from '../i18n/use-language';
import { auditActionLabel, auditDetailsSummary } from './audit-labels';
import { ErrorPanel } from '../components/ErrorPanel';
import { KeyValueTable } from '../components/KeyValueTable';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';

const RECENT_ENTRIES = 20;

export function AboutPage() {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <>
      <PageHeader title={t('areas.about')} description={t('about.intro')} />
      <Stack gap="md" maw={1100}>
        {info.isPending ? (
          <Loader size="sm" aria-label={t('common.loading')} />
        ) : info.isError ? (
          <ErrorPanel error={info.error} onRetry={() => void info.refetch()} />
        ) : (
          <AppFacts info={info.data} />
        )}
        <AuditSection />
      </Stack>
    </>
  );
}

function AppFacts({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { db } = info;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section title={t('about.application')}>
        <KeyValueTable
          rows={[
            { label: t('about.version'), value: <Code>{info.version}</Code> },
            { label: t('about.shell'), value: t(`about.shells.${info.shell}`) },
            { label: t('about.dataDir'), value: <Code>{info.dataDir}</Code> },
            { label: t('about.keyProtection'), value: t(`about.keyProtections.${info.keyProtection}`) },
            {
              label: t('about.portalUrl'),
              value: info.portalUrl ? (
                <Code>{info.portalUrl}</Code>
              ) : (
                <Text span size="sm" c="dimmed">
                  {t('about.portalNotConfigured')}
                </Text>
              ),
            },
          ]}
        />
      </Section>
      <Section title={t('about.store')}>
        <KeyValueTable
          rows={[
            {
              label: t('about.encrypted'),
              value: (
                <Badge color={db.encrypted ? 'green' : 'red'} variant="light" radius="sm">
                  {db.encrypted ? t('about.encryptedYes') : t('about.encryptedNo')}
                </Badge>
              ),
            },
            { label: t('about.cipher'), value: db.cipher || t('common.notSet') },
            { label: t('about.schemaVersion'), value: formatInteger(db.schemaVersion, language) },
            { label: t('about.journalMode'), value: db.journalMode.toUpperCase() },
            { label: t('about.size'), value: formatBytes(db.sizeBytes, language) },
            { label: t('about.dbPath'), value: <Code>{db.path}</Code> },
          ]}
        />
      </Section>
    </SimpleGrid>
  );
}

function AuditSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const verdict = useAuditVerdict();
  const entries = useRecentAuditEntries(RECENT_ENTRIES);
  const refreshing = verdict.isFetching || entries.isFetching;
  return (
    <Section
      title={t('about.audit')}
      actions={
        <Tooltip label={t('common.refresh')}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('common.refresh')}
            loading={refreshing}
            onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.audit })}
          >
            <IconRefresh size={16} />
          </ActionIcon>
        </Tooltip>
      }
    >
      <Stack gap="sm">
        {verdict.isPending ? (
          <Loader size="xs" aria-label={t('common.loading')} />
        ) : verdict.isError ? (
          <ErrorPanel error={verdict.error} />
        ) : (
          <AuditVerdictLine verdict={verdict.data} />
        )}
        <Text size="sm" fw={600}>
          {t('about.recentEntries')}
        </Text>
        {entries.isPending ? (
          <Loader size="xs" aria-label={t('common.loading')} />
        ) : entries.isError ? (
          <ErrorPanel error={entries.error} />
        ) : (
          <AuditEntriesTable entries={entries.data} />
        )}
      </Stack>
    </Section>
  );
}

function AuditVerdictLine({ verdict }: { verdict: AuditVerdict }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (verdict.intact) {
    return (
      <Group gap="sm" role="status">
        <Badge color="green" variant="light" radius="sm" leftSection={<IconShieldCheck size={14} />}>
          {t('about.auditIntact')}
        </Badge>
        <Text size="sm">{t('about.auditIntactDetail', { checked: formatInteger(verdict.checked, language) })}</Text>
      </Group>
    );
  }
  return (
    <Group gap="sm" role="status">
      <Badge color="red" variant="light" radius="sm" leftSection={<IconShieldX size={14} />}>
        {t('about.auditBroken')}
      </Badge>
      <Text size="sm">
        {t('about.auditBrokenDetail', {
          seq: verdict.broken ? formatInteger(verdict.broken.seq, language) : '?',
          reason: verdict.broken ? t(`about.auditReasons.${verdict.broken.reason}`) : '',
        })}
      </Text>
    </Group>
  );
}

function AuditEntriesTable({ entries }: { entries: AuditEntry[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('about.noEntries')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing={4} horizontalSpacing="sm" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('about.columns.seq')}</Table.Th>
            <Table.Th w={140}>{t('about.columns.at')}</Table.Th>
            <Table.Th w={140}>{t('about.columns.actor')}</Table.Th>
            <Table.Th w={200}>{t('about.columns.action')}</Table.Th>
            <Table.Th>{t('about.columns.details')}</Table.Th>
            <Table.Th w={120}>{t('about.columns.hash')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td ta="right">{formatInteger(entry.seq, language)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, language)}</Table.Td>
              <Table.Td>{entry.actor}</Table.Td>
              <Table.Td>{auditActionLabel(entry.action, t)}</Table.Td>
              <Table.Td>{auditDetailsSummary(entry, t)}</Table.Td>
              <Table.Td>
                <Code title={entry.hash}>{entry.hash.slice(0, 12)}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
