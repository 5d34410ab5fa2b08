// The broker registry ("môi giới"): name, country, contact and commission terms, on the shared record registry.
import { Select, Textarea, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { BrokerFields } from '../../../../src-common/domain/organisation';
import { countryName, countryOptions } from '../../format/countries';
import { useLanguage } from '../../i18n/use-language';
import { ContactInputs } from '../registry/ContactInputs';
import { RecordFormModal } from '../registry/RecordFormModal';
import { RecordRegistry, type RegistryFormProps } from '../registry/RecordRegistry';
import { brokerErrorsFromIssues, brokerValuesFrom, emptyBrokerValues, parseBroker, type BrokerFormValues } from './broker-form';

export function BrokerFormModal(props: RegistryFormProps<BrokerFormValues, BrokerFields>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  return (
    <RecordFormModal {...props} parse={parseBroker} errorsFromIssues={brokerErrorsFromIssues}>
      {(form) => (
        <>
          <TextInput label={t('enterprise.brokers.fields.name.label')} withAsterisk data-autofocus {...form.getInputProps('name')} />
          <Select
            label={t('enterprise.brokers.fields.country.label')}
            withAsterisk
            searchable
            data={countries}
            limit={300}
            {...form.getInputProps('country')}
            onChange={(value) => form.setFieldValue('country', value ?? '')}
          />
          <ContactInputs form={form} />
          <Textarea
            label={t('enterprise.brokers.fields.commissionTerms.label')}
            description={t('enterprise.brokers.fields.commissionTerms.description')}
            withAsterisk
            // Not autosize: its font-loading listener needs document.fonts, which test DOMs lack.
            minRows={3}
            {...form.getInputProps('commissionTerms')}
          />
        </>
      )}
    </RecordFormModal>
  );
}

export function BrokerRegistry({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <RecordRegistry<BrokerFormValues, BrokerFields>
      entity="broker"
      canEdit={canEdit}
      emptyValues={emptyBrokerValues}
      valuesFrom={brokerValuesFrom}
      nameOf={(values) => values.name}
      columns={[
        { header: t('enterprise.brokers.columns.name'), cell: (v) => v.name, strong: true },
        { header: t('enterprise.brokers.columns.country'), cell: (v) => (v.country ? countryName(v.country, language) : '') },
        { header: t('enterprise.brokers.columns.phone'), cell: (v) => v.phone },
        { header: t('enterprise.brokers.columns.commissionTerms'), cell: (v) => (v.commissionTerms.length > 80 ? `${v.commissionTerms.slice(0, 80)}…` : v.commissionTerms) },
      ]}
      renderForm={(props) => <BrokerFormModal {...props} />}
    />
  );
}
