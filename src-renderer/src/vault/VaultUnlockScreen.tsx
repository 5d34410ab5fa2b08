// Locked store: unlock with the passphrase or the recovery key, whichever this vault offers.
import { Alert, Button, PasswordInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH, RecoveryKeySchema, type VaultStatus } from '../../../src-common/contract';
import { useErrorText } from '../bridge/error-text';
import { appErrorOf } from '../bridge/contract-call';
import { useVaultUnlock } from '../data/use-vault';
import { Translated } from '../i18n/Translated';
import { VaultScreenFrame } from './VaultScreenFrame';

type UnlockMethod = VaultStatus['unlockMethods'][number];

export function VaultUnlockScreen({ methods }: { methods: UnlockMethod[] }) {
  const { t } = useTranslation();
  const unlock = useVaultUnlock();
  const [method, setMethod] = useState<UnlockMethod | undefined>(methods[0]);
  const form = useForm({
    mode: 'controlled',
    initialValues: { secret: '' },
    validate: {
      secret: (value) => {
        if (method === 'passphrase' && value.length < PASSPHRASE_MIN_LENGTH) {
          return <Translated text={(t) => t('vault.passphraseTooShort', { min: PASSPHRASE_MIN_LENGTH })} />;
        }
        if (method === 'recovery-key' && !RecoveryKeySchema.safeParse(value).success) {
          return <Translated text={(t) => t('vault.recoveryKeyInvalid')} />;
        }
        return null;
      },
    },
  });
  const failure = appErrorOf(unlock.error);
  const errorText = useErrorText();

  if (!method) {
    return (
      <VaultScreenFrame title={t('vault.unlockTitle')}>
        <Alert color="red" variant="light" role="alert">
          {t('vault.noUnlockMethod')}
        </Alert>
      </VaultScreenFrame>
    );
  }

  return (
    <VaultScreenFrame title={t('vault.unlockTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ secret }) =>
          unlock.mutate(method === 'passphrase' ? { passphrase: secret } : { recoveryKey: secret }),
        )}
      >
        <Stack gap="sm">
          <Text size="sm">{t('vault.unlockIntro')}</Text>
          {methods.length > 1 && (
            <SegmentedControl
              aria-label={t('vault.unlockWith')}
              value={method}
              onChange={(value) => {
                setMethod(value as UnlockMethod);
                form.reset();
                unlock.reset();
              }}
              data={methods.map((value) => ({ value, label: t(`vault.methods.${value}`) }))}
            />
          )}
          {method === 'passphrase' ? (
            <PasswordInput label={t('vault.passphrase')} autoComplete="current-password" autoFocus {...form.getInputProps('secret')} />
          ) : (
            <TextInput
              label={t('vault.recoveryKey')}
              description={t('vault.recoveryKeyHint')}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              autoComplete="off"
              spellCheck={false}
              autoFocus
              {...form.getInputProps('secret')}
            />
          )}
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {errorText(failure)}
            </Alert>
          )}
          <Button type="submit" loading={unlock.isPending}>
            {t('vault.unlock')}
          </Button>
        </Stack>
      </form>
    </VaultScreenFrame>
  );
}
