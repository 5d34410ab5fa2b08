// The main window once the store is open: header, area navigation and the current area's page.
import { AppShell, Burger, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconFileCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src-common/language';
import { AboutPage } from '../pages/AboutPage';
import { SettingsPage } from '../pages/SettingsPage';
import { UpcomingAreaPage } from '../pages/UpcomingAreaPage';
import { areas, type AreaId } from './areas';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageSwitch } from './LanguageSwitch';
import { NavigationMenu } from './NavigationMenu';
import { useHashRoute } from './use-hash-route';

export function AppLayout({ language }: { language: Language }) {
  const { t } = useTranslation();
  const [area, navigate] = useHashRoute();
  const [navbarOpen, navbar] = useDisclosure(false);
  // Shortcuts fire inside inputs too: Alt+digit types nothing on Windows or Linux keyboards.
  useHotkeys(
    areas.map(({ id, hotkey }) => [hotkey, () => navigate(id)]),
    [],
  );

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 228, breakpoint: 'sm', collapsed: { mobile: !navbarOpen } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpen}
              onClick={navbar.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('shell.toggleNavigation')}
            />
            <ThemeIcon size="md" radius="sm" variant="filled" aria-hidden>
              <IconFileCertificate size={18} />
            </ThemeIcon>
            <Title order={1} fz="lg" fw={700}>
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="sm">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch language={language} />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs">
        <NavigationMenu current={area} onNavigate={navbar.close} />
      </AppShell.Navbar>

      <AppShell.Main>
        <AreaPage area={area} />
      </AppShell.Main>
    </AppShell>
  );
}

function AreaPage({ area }: { area: AreaId }) {
  switch (area) {
    case 'settings':
      return <SettingsPage />;
    case 'about':
      return <AboutPage />;
    default:
      return <UpcomingAreaPage area={area} />;
  }
}
