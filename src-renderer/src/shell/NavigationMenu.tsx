// The navbar: one link per area, the current one highlighted, Alt+digit shortcuts shown on the right, and
// on "Người lao động" the reminder of legal deadlines overdue or due within a week.
import { Badge, Group, Kbd, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDueItems } from '../data/use-workers';
import { areaHref, areas, type RouteId } from './areas';

const reminderDays = 7;

/** Deadlines overdue or due within `reminderDays` (none when the list cannot be read, e.g. signed out). */
function useDueReminderCount(): number {
  const due = useDueItems();
  const soon = new Date(Date.now() + reminderDays * 86_400_000).toISOString().slice(0, 10);
  return (due.data?.items ?? []).filter((item) => item.overdue || item.dueOn <= soon).length;
}

export function NavigationMenu({ current, onNavigate }: { current: RouteId; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const reminders = useDueReminderCount();
  return (
    <Stack gap={2} component="nav" aria-label={t('shell.navigation')}>
      {areas.map(({ id, icon: AreaIcon, hotkey }) => (
        <NavLink
          key={id}
          href={areaHref(id)}
          label={t(`areas.${id}`)}
          leftSection={<AreaIcon size={18} stroke={1.6} />}
          rightSection={
            <Group gap={4} wrap="nowrap">
              {id === 'workers' && reminders > 0 && (
                <Badge size="xs" color="red" circle={reminders < 10} aria-label={t('shell.dueReminder', { count: reminders })} data-testid="due-reminder">
                  {reminders}
                </Badge>
              )}
              <Kbd size="xs" aria-hidden>
                {hotkey.replace('alt+', 'Alt+')}
              </Kbd>
            </Group>
          }
          title={t('common.shortcut', { keys: hotkey.replace('alt+', 'Alt+') })}
          active={id === current}
          aria-current={id === current ? 'page' : undefined}
          onClick={onNavigate}
          styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' } }}
        />
      ))}
    </Stack>
  );
}
