// The batch-signing dialog: one PIN entry, then "Đang ký 3/10 tệp" with a progress bar and "Dừng ký"
// (signing:signFiles, `progress` events, signing:cancel), then what was signed and what was not.
import { Button, Group, Modal, Progress, Stack, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignFilesOutput, TokenCertificateView } from '../../../../src-common/contract';
import type { AppError } from '../../../../src-common/result';
import { useBridge } from '../../bridge/BridgeContext';
import { appErrorOf, callContract } from '../../bridge/contract-call';
import { queryKeys } from '../../data/query-keys';
import { BatchResultView } from './BatchResultView';
import { PinEntryForm, type PinState } from './PinEntryForm';

/** The files to sign, already read as base64, and the certificate chosen for them. */
export interface PreparedBatch {
  /** New for every batch the user starts. */
  id: string;
  certificate: TokenCertificateView;
  files: { name: string; content: string }[];
}

type Phase =
  | { kind: 'pin'; failure: AppError | null }
  | { kind: 'signing'; taskId: string; done: number; total: number; stopping: boolean }
  | { kind: 'done'; result: SignFilesOutput };

export function BatchSigningDialog({ batch, pinState, onClose }: { batch: PreparedBatch | null; pinState: PinState | null; onClose: () => void }) {
  // A new batch starts from the PIN again: nothing of the previous one is kept.
  return batch ? <BatchSigningFlow key={batch.id} batch={batch} pinState={pinState} onClose={onClose} /> : null;
}

/** A random id (hex), without crypto.randomUUID, which needs a secure context. */
export function newTaskId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function BatchSigningFlow({ batch, pinState, onClose }: { batch: PreparedBatch; pinState: PinState | null; onClose: () => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const [phase, setPhase] = useState<Phase>({ kind: 'pin', failure: null });
  const total = batch.files.length;
  const signing = phase.kind === 'signing';

  const start = async (pin: string) => {
    const taskId = newTaskId();
    setPhase({ kind: 'signing', taskId, done: 0, total, stopping: false });
    // Subscribed before the call, so no progress event is missed.
    const unsubscribe = bridge.subscribe('progress', (event) => {
      if (event.taskId !== taskId || event.finished) return;
      setPhase((current) => (current.kind === 'signing' && current.taskId === taskId ? { ...current, done: event.done, total: event.total ?? current.total } : current));
    });
    try {
      const result = await callContract(bridge, 'signing:signFiles', {
        tokenLabel: batch.certificate.tokenLabel,
        certificateId: batch.certificate.id,
        pin,
        taskId,
        files: batch.files,
      });
      setPhase({ kind: 'done', result });
    } catch (error) {
      // Nothing was signed (wrong PIN, expired certificate, no token): back to the PIN with the reason.
      setPhase({ kind: 'pin', failure: appErrorOf(error) ?? { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) } });
    } finally {
      unsubscribe();
      // A PIN entry changes the token's counters.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokenList });
    }
  };

  const stop = () => {
    if (phase.kind !== 'signing' || phase.stopping) return;
    setPhase({ ...phase, stopping: true });
    void bridge.invoke('signing:cancel', { taskId: phase.taskId });
  };

  return (
    <Modal
      opened
      onClose={signing ? () => undefined : onClose}
      // While signing, only "Dừng ký" ends it: closing must not leave a batch running unseen.
      closeOnEscape={!signing}
      closeOnClickOutside={!signing}
      withCloseButton={!signing}
      title={t('signing.batch.dialogTitle')}
      size="lg"
      centered
    >
      <Stack gap="sm" data-testid="batch-dialog" data-phase={phase.kind}>
        {phase.kind === 'pin' && (
          <PinEntryForm
            certificate={batch.certificate}
            pinState={pinState}
            failure={phase.failure}
            busy={false}
            submitLabel={t('signing.batch.start')}
            onSubmit={(pin) => void start(pin)}
            onCancel={onClose}
          >
            <Text size="sm">{t('signing.batch.fileCount', { count: total })}</Text>
          </PinEntryForm>
        )}
        {phase.kind === 'signing' && (
          <SigningInProgress
            done={phase.done}
            total={phase.total}
            stopping={phase.stopping}
            text={phase.stopping ? t('signing.batch.stopping') : t('signing.batch.progress', { done: phase.done, total: phase.total })}
            stopLabel={t('signing.batch.stop')}
            onStop={stop}
          />
        )}
        {phase.kind === 'done' && (
          <>
            <ProgressLine
              done={phase.result.signed.length}
              total={total}
              text={t('signing.batch.finished', { done: phase.result.signed.length, total })}
              running={false}
            />
            <BatchResultView result={phase.result} />
            <Group>
              <Button variant="default" onClick={onClose} data-autofocus>
                {t('signing.batch.close')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

/** "Đang ký 3/10 tệp" and its bar; it stays at the end, showing how far the batch got. */
/** A batch being signed: its progress and "Dừng ký" (stops after the item the token is signing). */
export function SigningInProgress({
  done,
  total,
  stopping,
  text,
  stopLabel,
  onStop,
}: {
  done: number;
  total: number;
  stopping: boolean;
  text: string;
  stopLabel: string;
  onStop: () => void;
}) {
  return (
    <Stack gap="sm">
      <ProgressLine done={done} total={total} text={text} running />
      <Group>
        <Button color="red" variant="light" leftSection={<IconPlayerStop size={16} />} onClick={onStop} disabled={stopping} data-autofocus>
          {stopLabel}
        </Button>
      </Group>
    </Stack>
  );
}

export function ProgressLine({ done, total, text, running }: { done: number; total: number; text: string; running: boolean }) {
  return (
    <Stack gap={6} data-testid="batch-progress" data-done={done} data-total={total}>
      <Text size="sm" fw={500} aria-live="polite">
        {text}
      </Text>
      <Progress value={total > 0 ? (done / total) * 100 : 0} aria-label={text} animated={running} striped={running} size="lg" />
    </Stack>
  );
}
