// Create or edit a foreign employer (also "correct and resend" from the sync panel); Ctrl+Enter saves, Esc closes.
import { Select, SimpleGrid, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmployerFields } from '../../../../src-common/domain/organisation';
import { countryOptions } from '../../format/countries';
import { useLanguage } from '../../i18n/use-language';
import { ContactInputs } from '../registry/ContactInputs';
import { RecordFormModal } from '../registry/RecordFormModal';
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

export function EmployerFormModal(props: EmployerFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  return (
    <RecordFormModal {...props} parse={parseEmployer} errorsFromIssues={employerErrorsFromIssues}>
      {(form) => (
        <>
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
          <ContactInputs form={form} />
        </>
      )}
    </RecordFormModal>
  );
}
