// Sign-in to the central portal: address (prefilled), username, password; accounts known on this computer.
// A second tab signs in with a USB-token certificate instead (TokenSignInPanel).
import { Alert, Button, NavLink, PasswordInput, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconKey, IconUserCircle, IconUsb } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HttpUrlSchema, type SessionStatus } from '../../../src-common/contract';
import type { Language } from '../../../src-common/language';
import { appErrorOf } from '../bridge/contract-call';
import { useErrorText } from '../bridge/error-text';
import { useSignIn } from '../data/use-session';
import { Translated } from '../i18n/Translated';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { VaultScreenFrame } from '../vault/VaultScreenFrame';
import { LockedNotice } from './LockedNotice';
import { invalidFields, isPortalUnreachable } from './session-errors';
import { TokenSignInPanel } from './TokenSignInPanel';

type SignInMethod = 'password' | 'token';

interface SignInValues {
  portalUrl: string;
  username: string;
  password: string;
}

/** The last account used, when it belongs to the proposed portal: usually only its password is missing. */
function initialValues(status: SessionStatus): SignInValues {
  const last = status.knownAccounts[0];
  const portalUrl = status.defaultPortalUrl ?? last?.portalUrl ?? '';
  const username = last && last.portalUrl === portalUrl ? last.username : '';
  return { portalUrl, username, password: '' };
}

export function SignInScreen({ status, language }: { status: SessionStatus; language: Language }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const errorText = useErrorText();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [method, setMethod] = useState<SignInMethod>('password');
  const form = useForm<SignInValues>({
    mode: 'controlled',
    initialValues: initialValues(status),
    validate: {
      portalUrl: (value) =>
        HttpUrlSchema.safeParse(value).success ? null : <Translated text={(tr) => tr('session.portalUrlInvalid')} />,
      username: (value) => (value.trim() ? null : <Translated text={(tr) => tr('session.usernameRequired')} />),
      password: (value) => (value ? null : <Translated text={(tr) => tr('session.passwordRequired')} />),
    },
  });
  const initial = form.getInitialValues();

  const submit = form.onSubmit((values) => {
    signIn.mutate(
      { portalUrl: values.portalUrl, username: values.username, password: values.password },
      // A refused password is typed again, not edited: clear it and put the cursor back there.
      {
        onError: () => {
          form.setFieldValue('password', '');
          passwordRef.current?.focus();
        },
      },
    );
  });

  const failure = appErrorOf(signIn.error);
  const invalid = invalidFields(failure);
  // Errors from the last attempt are worked out at render time, so they follow a language switch.
  const portalUrlError =
    form.errors.portalUrl ??
    (isPortalUnreachable(failure) ? t('session.portalUnreachable', { url: signIn.variables?.portalUrl ?? '' }) : null) ??
    (invalid.has('portalUrl') ? t('session.portalUrlInvalid') : null);
  const usernameError = form.errors.username ?? (invalid.has('username') ? t('session.usernameRequired') : null);
  const passwordError =
    form.errors.password ?? (failure?.code === 'AUTH_INVALID_CREDENTIALS' ? errorText(failure) : null);
  const fieldCodes = new Set(['SYNC_OFFLINE', 'AUTH_INVALID_CREDENTIALS', 'AUTH_ACCOUNT_LOCKED', 'VALIDATION_FAILED']);

  return (
    <VaultScreenFrame title={t('session.signInTitle')} width={560} controls={<LanguageSwitch language={language} />}>
      <Tabs value={method} onChange={(value) => setMethod(value === 'token' ? 'token' : 'password')}>
        <Tabs.List grow mb="md">
          <Tabs.Tab value="password" leftSection={<IconKey size={16} stroke={1.5} />}>
            {t('session.token.passwordTab')}
          </Tabs.Tab>
          <Tabs.Tab value="token" leftSection={<IconUsb size={16} stroke={1.5} />}>
            {t('session.token.tokenTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="password">
          <Stack gap="md">
            <Text size="sm">{t('session.signInIntro')}</Text>
            {status.knownAccounts.length > 0 && (
              <Stack gap={4} component="section" aria-label={t('session.knownAccounts')}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {t('session.knownAccounts')}
                </Text>
                {status.knownAccounts.map((account) => {
                  const selected = form.values.username === account.username && form.values.portalUrl === account.portalUrl;
                  return (
                    <NavLink
                      key={`${account.portalUrl} ${account.username}`}
                      component="button"
                      type="button"
                      active={selected}
                      aria-pressed={selected}
                      aria-label={t('session.useKnownAccount', { username: account.username })}
                      leftSection={<IconUserCircle size={20} stroke={1.5} />}
                      label={account.displayName}
                      description={`${account.username} · ${account.portalUrl}`}
                      onClick={() => {
                        form.setValues({ portalUrl: account.portalUrl, username: account.username, password: '' });
                        signIn.reset();
                        passwordRef.current?.focus();
                      }}
                      styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
                    />
                  );
                })}
              </Stack>
            )}
            <form
              noValidate
              onSubmit={submit}
              onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}
              aria-label={t('session.signInTitle')}
            >
              <Stack gap="sm">
                <TextInput
                  label={t('session.portalUrl')}
                  placeholder="https://"
                  inputMode="url"
                  autoComplete="url"
                  spellCheck={false}
                  autoFocus={!initial.portalUrl}
                  {...form.getInputProps('portalUrl')}
                  error={portalUrlError}
                />
                <TextInput
                  label={t('session.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  autoFocus={Boolean(initial.portalUrl) && !initial.username}
                  {...form.getInputProps('username')}
                  error={usernameError}
                />
                <PasswordInput
                  ref={passwordRef}
                  label={t('session.password')}
                  autoComplete="current-password"
                  autoFocus={Boolean(initial.portalUrl && initial.username)}
                  {...form.getInputProps('password')}
                  error={passwordError}
                />
                {failure?.code === 'AUTH_ACCOUNT_LOCKED' && <LockedNotice key={signIn.submittedAt} error={failure} />}
                {failure && !fieldCodes.has(failure.code) && (
                  <Alert color="red" variant="light" role="alert">
                    {errorText(failure)}
                  </Alert>
                )}
                <Button type="submit" loading={signIn.isPending}>
                  {t('session.signIn')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="token">
          {/* Mounted only when chosen: listing tokens loads the PKCS#11 library. */}
          {method === 'token' && <TokenSignInPanel defaultPortalUrl={form.values.portalUrl} />}
        </Tabs.Panel>
      </Tabs>
    </VaultScreenFrame>
  );
}
