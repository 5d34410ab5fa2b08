// The header's sync state on every screen: connection, pending count, last success; opens the sync panel.
import { Badge, Button, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconLogin, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Connection, SyncStatus } from '../../../src-common/contract';
import { usePullProgress } from '../data/use-pull-progress';
import { useSyncStatus } from '../data/use-sync';
import { formatDateTime, formatInteger } from '../format/format';
import { useLanguage } from '../i18n/use-language';
import { areaHref, hotkeyLabel, syncPanelHotkey } from './areas';

/** Offline is a normal state (ux.md: calm, not an error): grey, like signed out. */
export const connectionColor: Record<Connection, string> = {
  online: 'green',
  syncing: 'blue',
  offline: 'gray',
  signedOut: 'gray',
  needsSignIn: 'orange',
};

const connectionIcon: Record<Exclude<Connection, 'syncing'>, Icon> = {
  online: IconCloudCheck,
  offline: IconCloudOff,
  signedOut: IconCloudOff,
  needsSignIn: IconLogin,
};

export function SyncBadge() {
  const { t } = useTranslation();
  const language = useLanguage();
  const status = useSyncStatus();
  const pull = usePullProgress();
  const keys = hotkeyLabel(syncPanelHotkey);
  const data: SyncStatus | undefined = status.data;

  if (!data) {
    // Still loading, or the status cannot be read: a neutral badge that still opens the panel.
    return (
      <Button component="a" href={areaHref('sync')} size="compact-sm" variant="default" data-testid="sync-badge" data-connection="unknown">
        {status.isPending ? <Loader size={12} aria-label={t('common.loading')} /> : t('sync.title')}
      </Button>
    );
  }

  const { connection, pending, needsAttention, lastSuccessAt } = data;
  const ConnectionIcon = connection === 'syncing' ? null : connectionIcon[connection];
  const lastSuccess = lastSuccessAt
    ? t('sync.lastSuccess', { time: formatDateTime(lastSuccessAt, language) })
    : t('sync.neverSynced');

  return (
    <Tooltip
      multiline
      label={
        <Stack gap={0}>
          <Text size="xs">{lastSuccess}</Text>
          <Text size="xs">{t('common.shortcut', { keys })}</Text>
        </Stack>
      }
    >
      <Button
        component="a"
        href={areaHref('sync')}
        size="compact-sm"
        variant="light"
        color={connectionColor[connection]}
        data-testid="sync-badge"
        data-connection={connection}
        data-pending={pending}
        data-attention={needsAttention}
        aria-description={`${lastSuccess}. ${t('sync.openPanel')}`}
        leftSection={ConnectionIcon ? <ConnectionIcon size={16} /> : <Loader size={12} color="blue" />}
      >
        <Group gap={6} wrap="nowrap">
          <span>{t(`sync.connection.${connection}`)}</span>
          {connection === 'syncing' && pull && !pull.finished && pull.done > 0 && (
            <Text span size="xs" data-testid="sync-badge-pull-progress">
              {t('sync.pulling', { number: formatInteger(pull.done, language) })}
            </Text>
          )}
          {pending > 0 && (
            <Badge size="sm" variant="filled" color="blue" data-testid="sync-badge-pending">
              {t('sync.pendingCount', { number: formatInteger(pending, language) })}
            </Badge>
          )}
          {needsAttention > 0 && (
            <Badge size="sm" variant="filled" color="red">
              {t('sync.attentionCount', { number: formatInteger(needsAttention, language) })}
            </Badge>
          )}
          <Text span size="xs" c="dimmed" visibleFrom="lg" data-testid="sync-badge-last-success">
            {lastSuccessAt ? formatDateTime(lastSuccessAt, language) : t('sync.neverSynced')}
          </Text>
        </Group>
      </Button>
    </Tooltip>
  );
}
