// Shown on every screen while the portal refuses the cached session: sign in again without leaving the work.
import { Alert, Button, Group, PasswordInput, Text } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../src-common/contract';
import { appErrorOf } from '../bridge/contract-call';
import { useErrorText } from '../bridge/error-text';
import { useSignIn } from '../data/use-session';
import { LockedNotice } from './LockedNotice';
import { isPortalUnreachable } from './session-errors';

export function SessionExpiredBanner({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  const signIn = useSignIn();
  const errorText = useErrorText();
  const [password, setPassword] = useState('');
  const username = status.account?.username ?? '';
  const portalUrl = status.portalUrl ?? status.defaultPortalUrl ?? '';
  const failure = appErrorOf(signIn.error);

  const passwordError =
    failure && failure.code !== 'AUTH_ACCOUNT_LOCKED'
      ? isPortalUnreachable(failure)
        ? t('session.portalUnreachable', { url: portalUrl })
        : errorText(failure)
      : null;

  return (
    <Alert
      color="orange"
      variant="light"
      mb="md"
      icon={<IconClockExclamation size={18} />}
      title={t('session.expiredTitle')}
      data-testid="session-expired-banner"
    >
      <Text size="sm" mb="xs">
        {t('session.expiredBody', { username })}
      </Text>
      <form
        noValidate
        aria-label={t('session.signInAgain')}
        onSubmit={(event) => {
          event.preventDefault();
          if (!password) return;
          signIn.mutate({ portalUrl, username, password }, { onSettled: () => setPassword('') });
        }}
      >
        <Group align="flex-start" gap="sm" wrap="wrap">
          <PasswordInput
            size="sm"
            w={280}
            label={t('session.password')}
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordError}
          />
          <Button type="submit" size="sm" mt={25} loading={signIn.isPending} disabled={!password}>
            {t('session.signInAgain')}
          </Button>
        </Group>
      </form>
      {failure?.code === 'AUTH_ACCOUNT_LOCKED' && (
        <div style={{ marginTop: 'var(--mantine-spacing-xs)' }}>
          <LockedNotice key={signIn.submittedAt} error={failure} />
        </div>
      )}
    </Alert>
  );
}
