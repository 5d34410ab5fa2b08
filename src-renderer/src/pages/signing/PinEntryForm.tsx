// The PIN entry of every signing dialog (test signature, batch signing): masked, never remembered, with
// the token's PIN-retry warnings. The PIN leaves this form's state the moment it is sent.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenCertificateView } from '../../../../src-common/contract';
import type { AppError } from '../../../../src-common/result';
import { useErrorText } from '../../bridge/error-text';
import { distinguishedNameField } from '../../data/use-signing';

export interface PinState {
  countLow: boolean;
  finalTry: boolean;
  locked: boolean;
  /** The reader has a PIN pad: the PIN is typed there, not here. */
  pinPad?: boolean;
}

export function PinEntryForm({
  certificate,
  pinState,
  failure,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  certificate: TokenCertificateView;
  pinState: PinState | null;
  /** The last attempt's error (a wrong PIN updates the warnings from the token's own counters). */
  failure: AppError | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: (pin: string) => void;
  onCancel: () => void;
  /** What the dialog adds above the PIN (e.g. how many files will be signed). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [pin, setPin] = useState('');
  const [missing, setMissing] = useState(false);

  const details = (failure?.code === 'TOKEN_PIN_INCORRECT' ? failure.details : undefined) as Partial<PinState> | undefined;
  const finalTry = Boolean(details?.finalTry ?? pinState?.finalTry);
  const countLow = !finalTry && Boolean(details?.countLow ?? pinState?.countLow);
  const locked = failure?.code === 'TOKEN_PIN_LOCKED' || Boolean(pinState?.locked);
  const pinPad = Boolean(pinState?.pinPad);

  const cancel = () => {
    setPin('');
    onCancel();
  };

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || locked) return;
    const entered = pin;
    // Out of state before the call: nothing keeps the PIN once it is sent.
    setPin('');
    if (pinPad) {
      // The reader asks for the PIN on its own keypad once the token is asked to log in.
      onSubmit('');
      return;
    }
    if (!entered) {
      setMissing(true);
      return;
    }
    setMissing(false);
    onSubmit(entered);
  };

  const subject = distinguishedNameField(certificate.subject, 'CN') ?? certificate.label;

  return (
    <Stack gap="sm">
      <Text size="sm">
        <Text span c="dimmed">
          {t('signing.pin.certificate')}:{' '}
        </Text>
        <Text span fw={500}>
          {subject}
        </Text>
        {certificate.partyId && <Text span> — {certificate.partyId}</Text>}
      </Text>
      {children}
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
      <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Stack gap="sm">
          {pinPad ? (
            <Text size="sm" data-testid="pin-pad-hint">
              {t('signing.pin.pinPad', { submit: submitLabel })}
            </Text>
          ) : (
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
          )}
          {failure && failure.code !== 'TOKEN_PIN_LOCKED' && (
            <Text size="sm" c="red" role="alert" data-testid="pin-error" data-code={failure.code}>
              {errorText(failure)}
            </Text>
          )}
          <Group gap="sm">
            <Button type="submit" loading={busy} disabled={locked}>
              {submitLabel}
            </Button>
            <Button variant="default" onClick={cancel}>
              {t('signing.pin.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
