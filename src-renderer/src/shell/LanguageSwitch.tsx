// Header switch between Tiếng Việt and English; the choice is saved as the uiLanguage setting.
import { Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, LanguageSchema, type Language } from '../../../src-common/language';
import { appErrorOf } from '../bridge/contract-call';
import { useErrorText } from '../bridge/error-text';
import { useSaveSettings } from '../data/use-settings';

export function LanguageSwitch({ language }: { language: Language }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const errorText = useErrorText();
  const failure = appErrorOf(save.error);
  return (
    <Group gap="xs" wrap="nowrap">
      {failure && (
        <Text size="xs" c="red" role="alert">
          {t('shell.languageNotSaved', { message: errorText(failure) })}
        </Text>
      )}
      <SegmentedControl
        size="xs"
        aria-label={t('shell.language')}
        value={language}
        disabled={save.isPending}
        onChange={(value) => {
          const parsed = LanguageSchema.safeParse(value);
          if (parsed.success && parsed.data !== language) save.mutate({ uiLanguage: parsed.data });
        }}
        // Language names stay in their own language, so each is findable whatever the UI speaks.
        data={languages.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
      />
    </Group>
  );
}
