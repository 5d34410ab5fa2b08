// The foreign-employer registry ("chủ sử dụng"): the shared record registry with the employer's columns and form.
import { useTranslation } from 'react-i18next';
import type { EmployerFields } from '../../../../src-common/domain/organisation';
import { countryName } from '../../format/countries';
import { useLanguage } from '../../i18n/use-language';
import { RecordRegistry } from '../registry/RecordRegistry';
import { EmployerFormModal } from './EmployerFormModal';
import { emptyEmployerValues, employerValuesFrom, type EmployerFormValues } from './employer-form';

export function EmployerRegistry({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <RecordRegistry<EmployerFormValues, EmployerFields>
      entity="employer"
      canEdit={canEdit}
      emptyValues={emptyEmployerValues}
      valuesFrom={employerValuesFrom}
      nameOf={(values) => values.name}
      columns={[
        { header: t('employers.columns.name'), cell: (v) => v.name, strong: true },
        { header: t('employers.columns.country'), cell: (v) => (v.country ? countryName(v.country, language) : '') },
        { header: t('employers.columns.registrationNumber'), cell: (v) => v.registrationNumber },
        { header: t('employers.columns.sector'), cell: (v) => v.sector },
        { header: t('employers.columns.phone'), cell: (v) => v.phone },
      ]}
      renderForm={(props) => <EmployerFormModal {...props} />}
    />
  );
}
