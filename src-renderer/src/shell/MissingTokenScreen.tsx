// Browser mode opened without ?token=: explain which address to open instead of failing silently.
import { Alert, Center, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function MissingTokenScreen() {
  const { t } = useTranslation();
  return (
    <Center mih="100vh" p="md">
      <Stack w={520}>
        <Alert color="orange" variant="light" icon={<IconLock size={18} />} title={t('startup.missingTokenTitle')}>
          {t('startup.missingTokenBody')}
        </Alert>
      </Stack>
    </Center>
  );
}
