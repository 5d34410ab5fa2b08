// The store is open: read the settings (for the language), let the session decide, show the main window.
import { useSettings } from '../data/use-settings';
import { SessionGate } from '../session/SessionGate';
import { AppLayout } from './AppLayout';
import { FullScreenLoader } from './FullScreenLoader';
import { StartupErrorScreen } from './StartupErrorScreen';
import { useUiLanguage } from './use-ui-language';

export function OpenApp() {
  const settings = useSettings();
  useUiLanguage(settings.data?.uiLanguage);
  if (settings.isPending) {
    return <FullScreenLoader />;
  }
  if (settings.isError) return <StartupErrorScreen error={settings.error} onRetry={() => void settings.refetch()} />;
  const language = settings.data.uiLanguage;
  return (
    <SessionGate language={language}>
      <AppLayout language={language} />
    </SessionGate>
  );
}
