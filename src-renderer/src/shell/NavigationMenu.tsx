// The navbar: one link per area, the current one highlighted, Alt+digit shortcuts shown on the right.
import { Kbd, NavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { areaHref, areas, type RouteId } from './areas';

export function NavigationMenu({ current, onNavigate }: { current: RouteId; onNavigate?: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} component="nav" aria-label={t('shell.navigation')}>
      {areas.map(({ id, icon: AreaIcon, hotkey }) => (
        <NavLink
          key={id}
          href={areaHref(id)}
          label={t(`areas.${id}`)}
          leftSection={<AreaIcon size={18} stroke={1.6} />}
          rightSection={
            <Kbd size="xs" aria-hidden>
              {hotkey.replace('alt+', 'Alt+')}
            </Kbd>
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
