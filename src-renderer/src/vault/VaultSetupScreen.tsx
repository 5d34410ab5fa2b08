// First run: create the encrypted store, with a passphrase when there is no OS keychain to hold the key.
import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '../../../src-common/contract';
import { useErrorText } from '../bridge/error-text';
import { appErrorOf } from '../bridge/contract-call';
import { Translated } from '../i18n/Translated';
import { VaultScreenFrame } from './VaultScreenFrame';

interface VaultSetupScreenProps {
  osKeychainAvailable: boolean;
  pending: boolean;
  error: unknown;
  onCreate: (passphrase: string | undefined) => void;
}

export function VaultSetupScreen({ osKeychainAvailable, pending, error, onCreate }: VaultSetupScreenProps) {
  const { t } = useTranslation();
  const failure = appErrorOf(error);
  const errorText = useErrorText();
  return (
    <VaultScreenFrame title={t('vault.setupTitle')}>
      <Stack gap="md">
        <Text size="sm">{osKeychainAvailable ? t('vault.setupIntro') : t('vault.setupIntroPassphrase')}</Text>
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {errorText(failure)}
          </Alert>
        )}
        {osKeychainAvailable ? (
          <Button onClick={() => onCreate(undefined)} loading={pending} autoFocus>
            {t('vault.create')}
          </Button>
        ) : (
          <PassphraseForm pending={pending} onSubmit={onCreate} />
        )}
      </Stack>
    </VaultScreenFrame>
  );
}

function PassphraseForm({ pending, onSubmit }: { pending: boolean; onSubmit: (passphrase: string) => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { passphrase: '', repeat: '' },
    validate: {
      passphrase: (value) =>
        value.length < PASSPHRASE_MIN_LENGTH ? (
          <Translated text={(t) => t('vault.passphraseTooShort', { min: PASSPHRASE_MIN_LENGTH })} />
        ) : null,
      repeat: (value, values) => (value !== values.passphrase ? <Translated text={(t) => t('vault.passphraseMismatch')} /> : null),
    },
  });
  return (
    <form onSubmit={form.onSubmit(({ passphrase }) => onSubmit(passphrase))} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label={t('vault.passphrase')}
          description={t('vault.passphraseHint', { min: PASSPHRASE_MIN_LENGTH })}
          autoComplete="new-password"
          autoFocus
          {...form.getInputProps('passphrase')}
        />
        <PasswordInput label={t('vault.passphraseRepeat')} autoComplete="new-password" {...form.getInputProps('repeat')} />
        <Button type="submit" loading={pending}>
          {t('vault.create')}
        </Button>
      </Stack>
    </form>
  );
}
