// The centred card the screens before the app share (vault, sign-in), with a language choice.
import { Center, Group, Paper, SegmentedControl, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languages, LanguageSchema } from '../../../src-common/language';
import { writeLanguageHint } from '../data/language-hint';
import { useLanguage } from '../i18n/use-language';

/**
 * `controls` replaces the default language choice, which is kept locally only (no settings while the
 * store is locked); the sign-in screens pass the header's switch, which saves the setting.
 */
export function VaultScreenFrame({
  title,
  width = 480,
  controls,
  children,
}: {
  title: string;
  width?: number;
  controls?: ReactNode;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Stack gap="sm" w={width}>
        <Group justify="space-between" className="print-hidden">
          <Group gap="xs">
            <ThemeIcon size="md" radius="sm" aria-hidden>
              <IconFileCertificate size={18} />
            </ThemeIcon>
            <Text fw={700}>{t('app.name')}</Text>
          </Group>
          {controls ?? (
            <SegmentedControl
              size="xs"
              aria-label={t('shell.language')}
              value={language}
              onChange={(value) => {
                const parsed = LanguageSchema.safeParse(value);
                if (!parsed.success) return;
                void i18n.changeLanguage(parsed.data);
                document.documentElement.lang = parsed.data;
                writeLanguageHint(parsed.data);
              }}
              data={languages.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
            />
          )}
        </Group>
        <Paper withBorder radius="sm" p="lg" shadow="xs">
          <Title order={1} fz="lg" mb="sm">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Center>
  );
}
