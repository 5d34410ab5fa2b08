// Hồ sơ (enterprise side): the list of filings, a contract registration being written, or a filing's
// detail, by hash route; "Ký và nộp" opens the filings' signing dialog from any of them.
import { Anchor, Group, Loader, Paper, Stack, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../../src-common/portal-api/auth.api';
import { ErrorPanel } from '../../components/ErrorPanel';
import { PageHeader } from '../../components/PageHeader';
import { useFiling } from '../../data/use-filings';
import { useSessionStatus } from '../../data/use-session';
import { newTaskId } from '../signing/BatchSigningDialog';
import { ContractRegistrationForm } from './ContractRegistrationForm';
import { FilingDetail } from './FilingDetail';
import { FilingList, isSignable, type FilingRef } from './FilingList';
import { filingHref, useFilingRoute } from './filing-route';
import { FilingsSigningDialog, type FilingsToSign } from './FilingsSigningDialog';
import { FilingTimeline } from './FilingTimeline';

/** Enterprise admins, and branch staff the enterprise let register contracts (the portal enforces it too). */
export function canFileRegistrations(account: AccountView | undefined): boolean {
  if (account?.role === 'enterpriseAdmin') return true;
  return account?.role === 'branchStaff' && (account.branchFunctions?.includes('registerContracts') ?? false);
}

export function FilingsPage() {
  const { t } = useTranslation();
  const session = useSessionStatus();
  const account = session.data?.account;
  const canFile = canFileRegistrations(account);
  const [route, navigate] = useFilingRoute();
  const [signing, setSigning] = useState<FilingsToSign | null>(null);
  const sign = (filings: FilingRef[]) => setSigning({ id: newTaskId(), filings });

  return (
    <>
      {route.view === 'list' ? (
        <>
          <PageHeader title={t('filings.title')} description={t('filings.intro')} />
          <FilingList
            accountId={account?.id ?? 'none'}
            canFile={canFile}
            onOpen={(row) => navigate({ view: 'filing', filingId: row.filingId, version: row.version })}
            onNew={() => navigate({ view: 'new' })}
            onSign={sign}
          />
        </>
      ) : route.view === 'new' ? (
        <>
          <BackToList />
          <PageHeader title={t('filings.form.newTitle')} description={t('filings.form.intro')} />
          <ContractRegistrationForm
            draft={null}
            onSaved={(view) => navigate({ view: 'filing', filingId: view.filingId, version: view.version })}
            onSign={sign}
          />
        </>
      ) : (
        <FilingScreen
          filingId={route.filingId}
          version={route.version}
          canFile={canFile}
          onSign={sign}
          onOpen={(filingId, version) => navigate({ view: 'filing', filingId, version })}
        />
      )}
      <FilingsSigningDialog batch={signing} onClose={() => setSigning(null)} />
    </>
  );
}

function BackToList() {
  const { t } = useTranslation();
  return (
    <Anchor href={filingHref({ view: 'list' })} size="sm" mb="xs" display="inline-block">
      <Group gap={4} component="span" wrap="nowrap">
        <IconArrowLeft size={14} />
        {t('filings.backToList')}
      </Group>
    </Anchor>
  );
}

function FilingScreen({
  filingId,
  version,
  canFile,
  onSign,
  onOpen,
}: {
  filingId: string;
  version: number;
  canFile: boolean;
  onSign: (filings: FilingRef[]) => void;
  onOpen: (filingId: string, version: number) => void;
}) {
  const { t } = useTranslation();
  const filing = useFiling(filingId, version);
  if (filing.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (filing.isError) {
    return (
      <>
        <BackToList />
        <ErrorPanel error={filing.error} onRetry={() => void filing.refetch()} />
      </>
    );
  }
  const view = filing.data;
  const editable = canFile && isSignable(view.state) && (view.type === 'contractRegistration' || view.type === 'internshipWorkerList');
  return (
    <>
      <BackToList />
      <PageHeader title={view.title} description={editable ? t('filings.form.draftIntro') : undefined} />
      {editable ? (
        <Stack gap="md">
          {/* Keyed by version: a saved draft that became another filing (internship term) is a new form. */}
          <ContractRegistrationForm key={`${view.filingId}:${view.version}`} draft={view} onSaved={(saved) => onOpen(saved.filingId, saved.version)} onSign={onSign} />
          <Paper withBorder radius="sm" p="md" maw={1100} component="section" aria-label={t('filings.detail.timeline')}>
            <Title order={3} fz="sm" fw={600} mb="xs">
              {t('filings.detail.timeline')}
            </Title>
            <FilingTimeline history={view.history} />
          </Paper>
        </Stack>
      ) : (
        <FilingDetail filing={view} onOpenVersion={(next) => onOpen(view.filingId, next)} />
      )}
    </>
  );
}
