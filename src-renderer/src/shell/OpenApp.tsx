// The store is open: read the settings (for the language) and show the main window.
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSettings } from '../data/use-settings';
import { AppLayout } from './AppLayout';
import { StartupErrorScreen } from './StartupErrorScreen';
import { useUiLanguage } from './use-ui-language';

export function OpenApp() {
  const { t } = useTranslation();
  const settings = useSettings();
  useUiLanguage(settings.data?.uiLanguage);
  if (settings.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (settings.isError) return <StartupErrorScreen error={settings.error} onRetry={() => void settings.refetch()} />;
  return <AppLayout language={settings.data.uiLanguage} />;
}
