// "Việc đến hạn": the legal deadlines the core computes from the filings here (workers:due), soonest
// first, overdue ones in red, each with the rule it comes from (as a line and as a tooltip).
import { Badge, Group, Loader, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useDueItems } from '../../data/use-workers';
import { isoToDateInput } from '../filings/registration-form-model';

export function DueBoard() {
  const { t } = useTranslation();
  const due = useDueItems();
  const items = [...(due.data?.items ?? [])].sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0));
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label={t('workers.due.title')} data-testid="due-board">
      <Group gap={6} mb="xs">
        <IconAlarm size={18} />
        <Title order={3} fz="sm" fw={600}>
          {t('workers.due.title')}
        </Title>
      </Group>
      {due.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : due.isError ? (
        <ErrorPanel error={due.error} onRetry={() => void due.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('workers.due.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item, index) => (
            <Tooltip key={`${item.kind}:${item.dueOn}:${index}`} label={t('workers.due.basis', { basis: item.basis })} multiline w={320} openDelay={300}>
              <li data-testid="due-item" data-kind={item.kind} data-overdue={item.overdue} data-due-on={item.dueOn}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge size="sm" variant={item.overdue ? 'filled' : 'light'} color={item.overdue ? 'red' : 'blue'} style={{ flexShrink: 0 }}>
                    {t('workers.due.dueOn', { date: isoToDateInput(item.dueOn) })}
                  </Badge>
                  <Stack gap={0}>
                    <Text size="sm" c={item.overdue ? 'red' : undefined} fw={item.overdue ? 600 : undefined}>
                      {item.overdue ? `${t('workers.due.overdue')}: ` : ''}
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('workers.due.basis', { basis: item.basis })}
                    </Text>
                  </Stack>
                </Group>
              </li>
            </Tooltip>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
