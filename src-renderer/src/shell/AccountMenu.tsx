// The header's account: who is signed in, to which portal, and signing out (data and pending work stay).
import { Button, Group, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../src-common/contract';
import { appErrorOf } from '../bridge/contract-call';
import { useErrorText } from '../bridge/error-text';
import { useSignOut } from '../data/use-session';

function portalHost(url: string | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function AccountMenu({ status }: { status: SessionStatus }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const errorText = useErrorText();
  const account = status.account;
  if (!account) return null;
  const failure = appErrorOf(signOut.error);
  return (
    <Group gap={6} wrap="nowrap">
      {failure && (
        <Text size="xs" c="red" role="alert" maw={260} lineClamp={2}>
          {errorText(failure)}
        </Text>
      )}
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            leftSection={<IconUserCircle size={18} />}
            rightSection={<IconChevronDown size={14} />}
            aria-label={t('session.accountMenu', { name: account.displayName })}
            data-testid="account-menu"
          >
            <Text span size="sm" visibleFrom="md" maw={220} truncate>
              {account.displayName}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {t('session.signedInAs', { username: account.username, portal: portalHost(status.portalUrl) })}
          </Menu.Label>
          <Menu.Label>{t(`session.roles.${account.role}`)}</Menu.Label>
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
            title={t('session.signOutHint')}
          >
            {t('session.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}
