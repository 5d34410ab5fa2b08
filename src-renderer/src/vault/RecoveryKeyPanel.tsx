// Shows the new recovery key once, printable (Ctrl+P), and lets the user go on only after saving it.
import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/format';
import { useLanguage } from '../i18n/use-language';
import { VaultScreenFrame } from './VaultScreenFrame';
import './recovery-key-print.css';

export function RecoveryKeyPanel({ recoveryKey, onContinue }: { recoveryKey: string; onContinue: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [saved, setSaved] = useState(false);
  const [createdAt] = useState(() => new Date());
  // Electron has no print shortcut of its own; in a browser this replaces the built-in one.
  useHotkeys([['mod+P', () => window.print()]]);

  return (
    <VaultScreenFrame title={t('vault.recoveryTitle')} width={560}>
      <Stack gap="md">
        <Alert color="orange" variant="light" className="recovery-screen-only">
          {t('vault.recoveryIntro')}
        </Alert>
        <Paper withBorder radius="sm" p="md" className="recovery-print-area">
          <Stack gap="sm">
            <Title order={2} fz="md" className="recovery-print-only">
              {t('vault.recoveryPrintHeading')}
            </Title>
            <Text size="sm" className="recovery-print-only">
              {t('vault.recoveryPrintedOn', { date: formatDateTime(createdAt, language) })}
            </Text>
            <Text
              ff="monospace"
              fz={18}
              fw={600}
              ta="center"
              lts={0.5}
              py="sm"
              data-testid="recovery-key"
              style={{ userSelect: 'all', whiteSpace: 'nowrap' }}
            >
              {recoveryKey}
            </Text>
            <Text size="sm">{t('vault.recoveryInstructions')}</Text>
          </Stack>
        </Paper>
        <Group justify="space-between" className="recovery-screen-only">
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
            {t('vault.print')} (Ctrl+P)
          </Button>
        </Group>
        <Checkbox
          className="recovery-screen-only"
          label={t('vault.savedConfirm')}
          checked={saved}
          onChange={(event) => setSaved(event.currentTarget.checked)}
        />
        <Button className="recovery-screen-only" disabled={!saved} onClick={onContinue}>
          {t('vault.continue')}
        </Button>
      </Stack>
    </VaultScreenFrame>
  );
}
