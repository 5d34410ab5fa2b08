// Signed in with a temporary password: the only way on is a new one that meets the portal's policy.
import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../src-common/contract';
import { passwordProblems, type PasswordProblem } from '../../../src-common/domain/password-policy';
import type { Language } from '../../../src-common/language';
import { appErrorOf } from '../bridge/contract-call';
import { useErrorText } from '../bridge/error-text';
import { useChangePassword, useSignOut } from '../data/use-session';
import { Translated } from '../i18n/Translated';
import { LanguageSwitch } from '../shell/LanguageSwitch';
import { VaultScreenFrame } from '../vault/VaultScreenFrame';
import { LockedNotice } from './LockedNotice';
import { PasswordPolicyList } from './PasswordPolicyList';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The same rules the portal applies (shared), plus "different from the current one", which it also checks. */
export function newPasswordProblems(values: ChangeValues, username: string): PasswordProblem[] {
  const problems = passwordProblems(values.newPassword, username);
  if (values.newPassword && values.newPassword === values.currentPassword) problems.push('sameAsCurrent');
  return problems;
}

/** The problems the portal named in a PASSWORD_POLICY refusal. */
function refusedProblems(details: unknown): PasswordProblem[] {
  const problems = (details as { problems?: unknown } | undefined)?.problems;
  return Array.isArray(problems) ? problems.filter((problem): problem is PasswordProblem => typeof problem === 'string') : [];
}

export function PasswordChangeScreen({ status, language }: { status: SessionStatus; language: Language }) {
  const { t } = useTranslation();
  const change = useChangePassword();
  const signOut = useSignOut();
  const errorText = useErrorText();
  const username = status.account?.username ?? '';
  // The checklist turns red/green only after the first submit, not at the first keystroke.
  const [checked, setChecked] = useState(false);
  const form = useForm<ChangeValues>({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : <Translated text={(tr) => tr('session.passwordRequired')} />),
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : <Translated text={(tr) => tr('session.confirmMismatch')} />,
    },
  });

  const submit = () => {
    setChecked(true);
    const values = form.getValues();
    const invalid = form.validate().hasErrors || newPasswordProblems(values, username).length > 0;
    if (invalid) return;
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  const failure = appErrorOf(change.error);
  const serverProblems = failure?.code === 'PASSWORD_POLICY' ? refusedProblems(failure.details) : [];
  const problems = checked ? [...new Set([...newPasswordProblems(form.values, username), ...serverProblems])] : serverProblems;
  const currentError =
    failure?.code === 'CURRENT_PASSWORD_INCORRECT' ? errorText(failure) : form.errors.currentPassword;
  const handledCodes = new Set(['CURRENT_PASSWORD_INCORRECT', 'AUTH_ACCOUNT_LOCKED']);

  return (
    <VaultScreenFrame title={t('session.changeTitle')} width={520} controls={<LanguageSwitch language={language} />}>
      <form
        noValidate
        aria-label={t('session.changeTitle')}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
      >
        <Stack gap="sm">
          <Text size="sm">{t('session.changeIntro', { username })}</Text>
          <PasswordInput
            label={t('session.currentPassword')}
            autoComplete="current-password"
            autoFocus
            {...form.getInputProps('currentPassword')}
            error={currentError}
          />
          <PasswordInput
            label={t('session.newPassword')}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
            // The checklist below says what is wrong; the field is only marked.
            error={checked && problems.length > 0}
          />
          <PasswordPolicyList problems={problems} checked={checked || serverProblems.length > 0} />
          <PasswordInput
            label={t('session.confirmPassword')}
            autoComplete="new-password"
            {...form.getInputProps('confirmPassword')}
          />
          {failure?.code === 'AUTH_ACCOUNT_LOCKED' && <LockedNotice key={change.submittedAt} error={failure} />}
          {failure && failure.code === 'PASSWORD_POLICY' && (
            <Text size="sm" c="red" role="alert">
              {errorText(failure)}
            </Text>
          )}
          {failure && failure.code !== 'PASSWORD_POLICY' && !handledCodes.has(failure.code) && (
            <Alert color="red" variant="light" role="alert">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="space-between" align="center">
            <Anchor component="button" type="button" size="sm" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              {t('session.useAnotherAccount')}
            </Anchor>
            <Button type="submit" loading={change.isPending}>
              {t('session.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </VaultScreenFrame>
  );
}
