// Create or edit a foreign employer (also "correct and resend" from the sync panel); Ctrl+Enter saves, Esc closes.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployerFields } from '../../../../src-common/domain/organisation';
import { appErrorOf, validationIssuesOf } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import { countryOptions } from '../../format/countries';
import { useLanguage } from '../../i18n/use-language';
import { employerErrorsFromIssues, parseEmployer, type EmployerFormValues } from './employer-form';

export interface EmployerFormModalProps {
  opened: boolean;
  title: string;
  initialValues: EmployerFormValues;
  submitLabel: string;
  pending: boolean;
  /** The failure of the last save, shown in the form (field errors for VALIDATION_FAILED). */
  error: unknown;
  onSubmit: (fields: EmployerFields) => void;
  onClose: () => void;
}

export function EmployerFormModal({ opened, title, initialValues, submitLabel, pending, error, onSubmit, onClose }: EmployerFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const form = useForm<EmployerFormValues>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const parsed = parseEmployer(values);
      return parsed.ok ? {} : parsed.errors;
    },
  });
  const countries = useMemo(() => countryOptions(language), [language]);

  // Core may still refuse what the form accepted (a newer schema): its issues go on the fields too.
  const failure = appErrorOf(error);
  useEffect(() => {
    const issues = validationIssuesOf(failure);
    if (issues.length > 0) form.setErrors(employerErrorsFromIssues(issues));
    // Only a new failure; `form` changes identity on every keystroke.
  }, [error]);

  const submit = form.onSubmit((values) => {
    const parsed = parseEmployer(values);
    if (parsed.ok) onSubmit(parsed.fields);
  });

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" closeOnClickOutside={!pending}>
      <form noValidate onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} aria-label={title}>
        <Stack gap="sm">
          <TextInput label={t('employers.fields.name.label')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('employers.fields.country.label')}
              withAsterisk
              searchable
              data={countries}
              limit={300}
              {...form.getInputProps('country')}
              onChange={(value) => form.setFieldValue('country', value ?? '')}
            />
            <TextInput
              label={t('employers.fields.registrationNumber.label')}
              withAsterisk
              spellCheck={false}
              {...form.getInputProps('registrationNumber')}
            />
          </SimpleGrid>
          <TextInput label={t('employers.fields.address.label')} withAsterisk {...form.getInputProps('address')} />
          <TextInput label={t('employers.fields.sector.label')} withAsterisk {...form.getInputProps('sector')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('employers.fields.phone.label')} inputMode="tel" {...form.getInputProps('phone')} />
            <TextInput label={t('employers.fields.email.label')} inputMode="email" spellCheck={false} {...form.getInputProps('email')} />
          </SimpleGrid>
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {errorText(failure)}
            </Alert>
          )}
          <Group justify="space-between" align="center">
            <Text size="xs" c="dimmed">
              {t('employers.submitHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose} disabled={pending}>
                {t('employers.cancel')}
              </Button>
              <Button type="submit" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
