// Cài đặt: edit the stored settings; validated with the shared schema, saved with settings:set.
import { Alert, Button, Group, Kbd, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SettingsSchema, type Settings } from '../../../src-common/contract';
import { languages } from '../../../src-common/language';
import { useErrorText } from '../bridge/error-text';
import { appErrorOf, validationIssuesOf } from '../bridge/contract-call';
import { useSaveSettings, useSettings } from '../data/use-settings';
import { formatTime } from '../format/format';
import { settingKeys } from '../forms/SettingsFieldError';
import { toFormErrors, validateSettings } from '../forms/settings-validation';
import { useLanguage } from '../i18n/use-language';
import { ErrorPanel } from '../components/ErrorPanel';
import { PageHeader } from '../components/PageHeader';

export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useSettings();
  return (
    <>
      <PageHeader title={t('areas.settings')} description={t('settings.intro')} />
      {settings.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : settings.isError ? (
        <ErrorPanel error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const save = useSaveSettings();
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const form = useForm<Settings>({
    mode: 'controlled',
    initialValues: settings,
    validate: validateSettings,
  });

  // A change made elsewhere (the header's language switch, another window) updates the fields the
  // user has not touched here; what they typed and not yet saved stays.
  useEffect(() => {
    const next = { ...form.getValues() };
    for (const key of settingKeys) if (!form.isDirty(key)) Object.assign(next, { [key]: settings[key] });
    form.setValues(next);
    form.resetDirty(settings);
    // Only a new settings object triggers this; `form` changes identity on every keystroke.
  }, [settings]);

  const submit = form.onSubmit((values) => {
    // Parse again for the trimmed values: what is saved is what the schema accepts.
    const parsed = SettingsSchema.parse(values);
    save.mutate(parsed, {
      onSuccess: (saved) => {
        form.setValues(saved);
        form.resetDirty(saved);
        setSavedAt(new Date());
      },
      onError: (error) => form.setErrors(toFormErrors(validationIssuesOf(appErrorOf(error)))),
    });
  });

  const failure = appErrorOf(save.error);
  const errorText = useErrorText();
  const dirty = form.isDirty();

  return (
    <form
      onSubmit={submit}
      onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}
      noValidate
      aria-label={t('areas.settings')}
    >
      <Stack gap="md" maw={760}>
        <SettingsSection title={t('settings.sections.connection')}>
          <TextInput
            label={t('settings.fields.portalUrl.label')}
            description={t('settings.fields.portalUrl.description')}
            placeholder="https://"
            inputMode="url"
            spellCheck={false}
            {...form.getInputProps('portalUrl')}
          />
          <TextInput
            label={t('settings.fields.updateFeedUrl.label')}
            description={t('settings.fields.updateFeedUrl.description')}
            placeholder="https://"
            inputMode="url"
            spellCheck={false}
            {...form.getInputProps('updateFeedUrl')}
          />
        </SettingsSection>

        <SettingsSection title={t('settings.sections.signing')}>
          <TextInput
            label={t('settings.fields.pkcs11ModulePath.label')}
            description={t('settings.fields.pkcs11ModulePath.description')}
            spellCheck={false}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('pkcs11ModulePath')}
          />
        </SettingsSection>

        <SettingsSection title={t('settings.sections.display')}>
          <Select
            label={t('settings.fields.uiLanguage.label')}
            description={t('settings.fields.uiLanguage.description')}
            data={languages.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
            allowDeselect={false}
            maw={280}
            {...form.getInputProps('uiLanguage')}
          />
        </SettingsSection>

        {failure && failure.code !== 'VALIDATION_FAILED' && (
          <Alert color="red" variant="light" role="alert">
            {errorText(failure)}
          </Alert>
        )}
        {failure?.code === 'VALIDATION_FAILED' && (
          <Text size="sm" c="red" role="alert">
            {errorText(failure)}
          </Text>
        )}

        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {t('settings.save')}
          </Button>
          <Button variant="default" disabled={!dirty || save.isPending} onClick={() => form.reset()}>
            {t('settings.undo')}
          </Button>
          <Text size="xs" c="dimmed">
            <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd>
          </Text>
          <SaveState savedAt={savedAt} dirty={dirty} />
        </Group>
      </Stack>
    </form>
  );
}

function SettingsSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="sm" p="md">
      <Title order={3} fz="sm" fw={600} mb="xs" tt="uppercase" c="dimmed">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Paper>
  );
}

function SaveState({ savedAt, dirty }: { savedAt: Date | null; dirty: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (savedAt && !dirty) {
    return (
      <Group gap={4} c="green" role="status">
        <IconCheck size={16} />
        <Text size="sm">{t('settings.saved', { time: formatTime(savedAt, language) })}</Text>
      </Group>
    );
  }
  if (dirty) {
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('settings.unsaved')}
      </Text>
    );
  }
  return null;
}
