// "Ký và nộp": the certificate, one PIN entry (PinEntryForm), then "Đang ký 3/10 hồ sơ" with "Dừng ký"
// (filings:signAndSubmit, `progress` events of task filings.sign, signing:cancel), then which filings
// were queued for the portal and which were not, with the reasons (rule issues listed per field).
import { Alert, Button, Group, List, Modal, Select, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput, TokenCertificateView } from '../../../../src-common/contract';
import { isErrorCode } from '../../../../src-common/errors';
import type { AppError } from '../../../../src-common/result';
import { useBridge } from '../../bridge/BridgeContext';
import { appErrorOf, callContract } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import { ErrorPanel } from '../../components/ErrorPanel';
import { queryKeys } from '../../data/query-keys';
import { useRefreshFilings } from '../../data/use-filings';
import { distinguishedNameField, useTokenList } from '../../data/use-signing';
import { newTaskId, ProgressLine, SigningInProgress } from '../signing/BatchSigningDialog';
import { PinEntryForm, type PinState } from '../signing/PinEntryForm';
import { issuesOfDetails } from './filing-issues';
import type { FilingRef } from './FilingList';
import { issueLabel } from './issue-labels';
import { useIssueText } from './use-issue-text';

export interface FilingsToSign {
  /** New for every "Ký và nộp" the user starts. */
  id: string;
  filings: FilingRef[];
}

type SignOutput = MethodOutput<'filings:signAndSubmit'>;
type Phase =
  | { kind: 'pin'; failure: AppError | null }
  | { kind: 'signing'; taskId: string; done: number; total: number; stopping: boolean }
  | { kind: 'done'; result: SignOutput };

const certificateKey = (certificate: TokenCertificateView) => `${certificate.tokenLabel}/${certificate.id}`;

export function FilingsSigningDialog({ batch, onClose }: { batch: FilingsToSign | null; onClose: (result: SignOutput | null) => void }) {
  // A new batch starts from the certificate and PIN again: nothing of the previous one is kept.
  return batch ? <FilingsSigningFlow key={batch.id} batch={batch} onClose={onClose} /> : null;
}

function FilingsSigningFlow({ batch, onClose }: { batch: FilingsToSign; onClose: (result: SignOutput | null) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const refreshFilings = useRefreshFilings();
  const tokens = useTokenList();
  const [phase, setPhase] = useState<Phase>({ kind: 'pin', failure: null });
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const total = batch.filings.length;
  const signing = phase.kind === 'signing';

  const now = Date.now();
  const usable = (tokens.data?.certificates ?? []).filter((c) => c.daysLeft >= 0 && new Date(c.validFrom).getTime() <= now);
  const certificate = usable.find((c) => certificateKey(c) === chosenKey) ?? (usable.length === 1 ? usable[0]! : null);
  const token = tokens.data?.tokens.find((candidate) => candidate.label === certificate?.tokenLabel);
  const pinState: PinState | null = token ? { ...token.pin, pinPad: token.hasPinPad } : null;

  const start = async (pin: string) => {
    if (!certificate) return;
    const taskId = newTaskId();
    setPhase({ kind: 'signing', taskId, done: 0, total, stopping: false });
    // Subscribed before the call, so no progress event is missed.
    const unsubscribe = bridge.subscribe('progress', (event) => {
      if (event.taskId !== taskId || event.finished) return;
      setPhase((current) => (current.kind === 'signing' && current.taskId === taskId ? { ...current, done: event.done, total: event.total ?? current.total } : current));
    });
    try {
      const result = await callContract(bridge, 'filings:signAndSubmit', {
        filings: batch.filings.map(({ filingId, version }) => ({ filingId, version })),
        tokenLabel: certificate.tokenLabel,
        certificateId: certificate.id,
        pin,
        taskId,
      });
      setPhase({ kind: 'done', result });
    } catch (error) {
      // Nothing was signed (wrong PIN, expired certificate, no token): back to the PIN with the reason.
      setPhase({ kind: 'pin', failure: appErrorOf(error) ?? { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) } });
    } finally {
      unsubscribe();
      refreshFilings();
      // A PIN entry changes the token's counters.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokenList });
    }
  };

  const stop = () => {
    if (phase.kind !== 'signing' || phase.stopping) return;
    setPhase({ ...phase, stopping: true });
    void bridge.invoke('signing:cancel', { taskId: phase.taskId });
  };
  const close = () => onClose(phase.kind === 'done' ? phase.result : null);

  return (
    <Modal
      opened
      onClose={signing ? () => undefined : close}
      // While signing, only "Dừng ký" ends it: closing must not leave a batch running unseen.
      closeOnEscape={!signing}
      closeOnClickOutside={!signing}
      withCloseButton={!signing}
      title={t('filings.sign.title')}
      size="lg"
      centered
    >
      <Stack gap="sm" data-testid="filings-sign-dialog" data-phase={phase.kind}>
        {phase.kind === 'pin' &&
          (tokens.isPending ? (
            <Text size="sm">{t('common.loading')}</Text>
          ) : tokens.isError ? (
            <ErrorPanel error={tokens.error} onRetry={() => void tokens.refetch()} />
          ) : usable.length === 0 ? (
            <Alert color="orange" variant="light" role="alert" data-testid="no-certificate">
              {t('filings.sign.noCertificate')}
            </Alert>
          ) : (
            <>
              {usable.length > 1 && (
                <Select
                  label={t('filings.sign.certificate')}
                  placeholder={t('filings.sign.certificatePlaceholder')}
                  data={usable.map((c) => ({
                    value: certificateKey(c),
                    label: `${distinguishedNameField(c.subject, 'CN') ?? c.label}${c.partyId ? ` — ${c.partyId}` : ''} · ${c.label} (${c.tokenLabel})`,
                  }))}
                  value={certificate ? certificateKey(certificate) : null}
                  onChange={setChosenKey}
                  allowDeselect={false}
                  data-autofocus={!certificate || undefined}
                />
              )}
              {certificate && (
                <PinEntryForm
                  key={certificateKey(certificate)}
                  certificate={certificate}
                  pinState={pinState}
                  failure={phase.failure}
                  busy={false}
                  submitLabel={t('filings.signAndSubmit')}
                  onSubmit={(pin) => void start(pin)}
                  onCancel={close}
                >
                  <Text size="sm" data-testid="filings-sign-count">
                    {t('filings.sign.count', { count: total })}
                  </Text>
                </PinEntryForm>
              )}
            </>
          ))}
        {phase.kind === 'signing' && (
          <SigningInProgress
            done={phase.done}
            total={phase.total}
            stopping={phase.stopping}
            text={phase.stopping ? t('filings.sign.stopping') : t('filings.sign.progress', { done: phase.done, total: phase.total })}
            stopLabel={t('filings.sign.stop')}
            onStop={stop}
          />
        )}
        {phase.kind === 'done' && (
          <>
            <ProgressLine
              done={phase.result.submitted.length}
              total={total}
              text={t('filings.sign.finished', { done: phase.result.submitted.length, total })}
              running={false}
            />
            <SigningResult filings={batch.filings} result={phase.result} />
            <Group>
              <Button variant="default" onClick={close} data-autofocus>
                {t('filings.sign.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

function SigningResult({ filings, result }: { filings: FilingRef[]; result: SignOutput }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const titleOf = (ref: { filingId: string; version: number }) =>
    filings.find((f) => f.filingId === ref.filingId && f.version === ref.version)?.title ?? ref.filingId;
  const complete = result.notSubmitted.length === 0;
  return (
    <Stack gap="sm" data-testid="filings-sign-result" data-submitted={result.submitted.length} data-not-submitted={result.notSubmitted.length}>
      <Alert color={complete ? 'green' : 'orange'} variant="light" role="status" icon={complete ? <IconCircleCheck size={20} /> : <IconAlertTriangle size={20} />}>
        <Text size="sm" data-testid="filings-sign-summary">
          {complete
            ? t('filings.sign.allSubmitted', { count: result.submitted.length })
            : t('filings.sign.partlySubmitted', { submitted: result.submitted.length, notSubmitted: result.notSubmitted.length })}
        </Text>
      </Alert>
      {result.submitted.length > 0 && (
        <Stack gap={4}>
          <Title order={4} fz="sm">
            {t('filings.sign.submittedList')}
          </Title>
          <List size="sm" spacing={2}>
            {result.submitted.map((ref) => (
              <List.Item key={`${ref.filingId}:${ref.version}`} data-testid="filing-submitted">
                {titleOf(ref)}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {result.notSubmitted.length > 0 && (
        <Stack gap={4}>
          <Title order={4} fz="sm">
            {t('filings.sign.notSubmittedList')}
          </Title>
          <List size="sm" spacing={4}>
            {result.notSubmitted.map((refusal) => {
              const issues = refusal.code === 'VALIDATION_FAILED' ? issuesOfDetails(refusal.details) : [];
              return (
                <List.Item key={`${refusal.filingId}:${refusal.version}`} data-testid="filing-not-submitted" data-code={refusal.code}>
                  <Text size="sm" fw={500} span>
                    {titleOf(refusal)}
                  </Text>
                  {' — '}
                  <Text size="sm" span data-testid="filing-refusal-reason">
                    {isErrorCode(refusal.code) ? errorText({ code: refusal.code, message: refusal.message }) : refusal.message}
                  </Text>
                  {issues.length > 0 && (
                    <List size="xs" withPadding>
                      {issues.slice(0, 20).map((issue, index) => (
                        <List.Item key={index} data-testid="filing-refusal-issue">
                          {issueLabel(t, issue.path)}: {issueText(issue)}
                        </List.Item>
                      ))}
                      {issues.length > 20 && <List.Item>{t('filings.sign.moreIssues', { count: issues.length - 20 })}</List.Item>}
                    </List>
                  )}
                </List.Item>
              );
            })}
          </List>
        </Stack>
      )}
    </Stack>
  );
}
