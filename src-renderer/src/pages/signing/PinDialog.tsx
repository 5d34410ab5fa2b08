// "Ký thử": one PIN entry, signing:test, and the verdict. The PIN lives in the entry form's input only: it
// is cleared as soon as it is sent and when the dialog closes, and it never enters the query cache.
import { Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenCertificateView, Verdict } from '../../../../src-common/contract';
import type { AppError } from '../../../../src-common/result';
import { useBridge } from '../../bridge/BridgeContext';
import { appErrorOf, callContract } from '../../bridge/contract-call';
import { queryKeys } from '../../data/query-keys';
import { formatDateTime } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';
import { PinEntryForm, type PinState } from './PinEntryForm';
import { VerdictView } from './VerdictView';

export type { PinState } from './PinEntryForm';

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
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);

  const testSign = async (pin: string) => {
    setBusy(true);
    setVerdict(null);
    setFailure(null);
    try {
      const result = await callContract(bridge, 'signing:test', {
        tokenLabel: certificate.tokenLabel,
        certificateId: certificate.id,
        pin,
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

  return (
    <Stack gap="sm" data-testid="pin-dialog">
      <PinEntryForm
        certificate={certificate}
        pinState={pinState}
        failure={failure}
        busy={busy}
        submitLabel={t('signing.pin.submit')}
        onSubmit={(pin) => void testSign(pin)}
        onCancel={onClose}
      />
      {verdict && <VerdictView verdict={verdict} />}
    </Stack>
  );
}
