// "Ký thử": one PIN entry, signing:test, and the verdict. The PIN lives in this dialog's input only: it is
// cleared as soon as it is sent and when the dialog closes, and it never enters the query cache.
import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenCertificateView, Verdict } from '../../../../src-common/contract';
import type { AppError } from '../../../../src-common/result';
import { useBridge } from '../../bridge/BridgeContext';
import { appErrorOf, callContract } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import { queryKeys } from '../../data/query-keys';
import { distinguishedNameField } from '../../data/use-signing';
import { formatDateTime } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';
import { VerdictView } from './VerdictView';

export interface PinState {
  countLow: boolean;
  finalTry: boolean;
  locked: boolean;
}

export function PinDialog({
  certificate,
  pinState,
  onClose,
}: {
  certificate: TokenCertificateView | null;
  pinState: PinState | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={certificate !== null} onClose={onClose} title={t('signing.pin.title')} size="lg" centered>
      {certificate && <PinForm key={`${certificate.tokenLabel}/${certificate.id}`} certificate={certificate} pinState={pinState} onClose={onClose} />}
    </Modal>
  );
}

function PinForm({ certificate, pinState, onClose }: { certificate: TokenCertificateView; pinState: PinState | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const bridge = useBridge();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);

  // The token's own counters, updated by the last wrong PIN's details.
  const details = (failure?.code === 'TOKEN_PIN_INCORRECT' ? failure.details : undefined) as Partial<PinState> | undefined;
  const finalTry = Boolean(details?.finalTry ?? pinState?.finalTry);
  const countLow = !finalTry && Boolean(details?.countLow ?? pinState?.countLow);
  const locked = failure?.code === 'TOKEN_PIN_LOCKED' || Boolean(pinState?.locked);

  const close = () => {
    setPin('');
    onClose();
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || locked) return;
    const entered = pin;
    // Out of state before the call: nothing keeps the PIN once it is sent.
    setPin('');
    if (!entered) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setVerdict(null);
    setFailure(null);
    try {
      const result = await callContract(bridge, 'signing:test', {
        tokenLabel: certificate.tokenLabel,
        certificateId: certificate.id,
        pin: entered,
        text: t('signing.pin.testText', { time: formatDateTime(new Date(), language) }),
      });
      setVerdict(result.verdict);
    } catch (error) {
      setFailure(appErrorOf(error) ?? { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
      // A PIN entry changes the token's counters.
      void queryClient.invalidateQueries({ queryKey: queryKeys.tokenList });
    }
  };

  const subject = distinguishedNameField(certificate.subject, 'CN') ?? certificate.label;

  return (
    <Stack gap="sm" data-testid="pin-dialog">
      <Text size="sm">
        <Text span c="dimmed">
          {t('signing.pin.certificate')}:{' '}
        </Text>
        <Text span fw={500}>
          {subject}
        </Text>
        {certificate.partyId && <Text span> — {certificate.partyId}</Text>}
      </Text>
      {locked ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle size={18} />}>
          {t('signing.pin.locked')}
        </Alert>
      ) : finalTry ? (
        <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle size={18} />} data-testid="pin-warning">
          {t('signing.pin.finalTry')}
        </Alert>
      ) : countLow ? (
        <Alert color="orange" variant="light" role="alert" icon={<IconAlertTriangle size={18} />} data-testid="pin-warning">
          {t('signing.pin.countLow')}
        </Alert>
      ) : null}
      <form onSubmit={(event) => void submit(event)} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}>
        <Stack gap="sm">
          <TextInput
            type="password"
            label={t('signing.pin.label')}
            description={t('signing.pin.description')}
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            disabled={locked || busy}
            value={pin}
            onChange={(event) => setPin(event.currentTarget.value)}
            error={missing ? t('signing.pin.required') : undefined}
            maxLength={64}
          />
          {failure && failure.code !== 'TOKEN_PIN_LOCKED' && (
            <Text size="sm" c="red" role="alert" data-testid="pin-error" data-code={failure.code}>
              {errorText(failure)}
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" loading={busy} disabled={locked}>
              {t('signing.pin.submit')}
            </Button>
            <Button variant="default" onClick={close}>
              {t('signing.pin.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
      {verdict && <VerdictView verdict={verdict} />}
    </Stack>
  );
}
