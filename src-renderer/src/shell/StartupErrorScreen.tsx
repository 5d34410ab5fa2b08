// Shown when LaborDesk cannot be reached or cannot start: the reason and a way to try again.
import { Center, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../components/ErrorPanel';

export function StartupErrorScreen({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md">
      <Stack w={520}>
        <ErrorPanel title={t('startup.failedTitle')} error={error} onRetry={onRetry} />
      </Stack>
    </Center>
  );
}
