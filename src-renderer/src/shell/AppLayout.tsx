// The main window once signed in: header (sync badge, account), area navigation and the current page.
import { AppShell, Burger, Group, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconFileCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src-common/language';
import { useSessionStatus } from '../data/use-session';
import { useSyncRun } from '../data/use-sync';
import { AboutPage } from '../pages/AboutPage';
import { EnterprisesPage } from '../pages/EnterprisesPage';
import { ContractsAreaPage } from '../pages/filings/ContractsAreaPage';
import { SettingsPage } from '../pages/SettingsPage';
import { SigningPage } from '../pages/SigningPage';
import { SyncPage } from '../pages/SyncPage';
import { UpcomingAreaPage } from '../pages/UpcomingAreaPage';
import { VerifierPage } from '../pages/VerifierPage';
import { WorkersAreaPage } from '../pages/workers/WorkersAreaPage';
import { SessionExpiredBanner } from '../session/SessionExpiredBanner';
import { AccountMenu } from './AccountMenu';
import { areas, syncNowHotkey, syncPanelHotkey, type RouteId } from './areas';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageSwitch } from './LanguageSwitch';
import { NavigationMenu } from './NavigationMenu';
import { SyncBadge } from './SyncBadge';
import { useHashRoute } from './use-hash-route';

export function AppLayout({ language }: { language: Language }) {
  const { t } = useTranslation();
  const [route, navigate] = useHashRoute();
  const [navbarOpen, navbar] = useDisclosure(false);
  const session = useSessionStatus();
  const syncRun = useSyncRun();
  // Shortcuts fire inside inputs too: Alt+digit types nothing on Windows or Linux keyboards.
  useHotkeys(
    [
      ...areas.map(({ id, hotkey }): [string, () => void] => [hotkey, () => navigate(id)]),
      [syncPanelHotkey, () => navigate('sync')],
      [syncNowHotkey, () => syncRun.mutate()],
    ],
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
            <Text size="sm" c="dimmed" visibleFrom="xl">
              {t('app.tagline')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <SyncBadge />
            <LanguageSwitch language={language} />
            <ColorSchemeToggle />
            {session.data && <AccountMenu status={session.data} />}
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs">
        <NavigationMenu current={route} onNavigate={navbar.close} />
      </AppShell.Navbar>

      <AppShell.Main>
        {session.data?.state === 'needsSignIn' && <SessionExpiredBanner status={session.data} />}
        <RoutePage route={route} />
      </AppShell.Main>
    </AppShell>
  );
}

function RoutePage({ route }: { route: RouteId }) {
  switch (route) {
    case 'enterprises':
      return <EnterprisesPage />;
    case 'contracts':
      return <ContractsAreaPage />;
    case 'workers':
      return <WorkersAreaPage />;
    case 'filings':
      return <SigningPage />;
    case 'verify':
      return <VerifierPage />;
    case 'settings':
      return <SettingsPage />;
    case 'about':
      return <AboutPage />;
    case 'sync':
      return <SyncPage />;
    default:
      return <UpcomingAreaPage area={route} />;
  }
}
