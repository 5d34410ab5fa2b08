// Hồ sơ doanh nghiệp: the enterprise's profile as the portal has it (plus pending edits), the published
// schedule of service fees, and the enterprise admin's edit form, saved with 'enterprise.updateProfile'.
import { Alert, Badge, Button, Group, Loader, NumberInput, Paper, Select, SimpleGrid, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../../../src-common/contract';
import { provinceName, provinces } from '../../../../src-common/domain/administrative-units';
import { licenceWarning } from '../../../../src-common/domain/licence';
import { serviceFeeScheduleMax, type EnterpriseProfile } from '../../../../src-common/domain/organisation';
import { ErrorPanel } from '../../components/ErrorPanel';
import { KeyValueTable } from '../../components/KeyValueTable';
import { useCommitRecord, useRecordList } from '../../data/use-records';
import { useSessionStatus } from '../../data/use-session';
import { countryName, countryOptions } from '../../format/countries';
import { intlLocale } from '../../format/format';
import { formatMoney } from '../../format/money';
import { useLanguage } from '../../i18n/use-language';
import { isoToDateInput } from '../filings/registration-form-model';
import { ContactInputs } from '../registry/ContactInputs';
import { RecordFormModal } from '../registry/RecordFormModal';
import { str } from '../registry/record-form';
import { emptyFeeRow, parseProfile, profileErrorsFromIssues, profileValuesFrom, type ProfileFormValues } from './profile-form';

/** The signed-in account's own enterprise record (none for officers, who may see many enterprises). */
export function useOwnEnterprise(): { query: ReturnType<typeof useRecordList>; record: LocalRecord | undefined } {
  const enterpriseId = useSessionStatus().data?.account?.enterpriseId;
  // An enterprise account's scope holds its one enterprise.
  const query = useRecordList({ entity: 'enterprise', search: '', limit: 1, offset: 0 });
  return { query, record: query.data?.rows.find((row) => row.id === enterpriseId) };
}

/** Today as a calendar date (yyyy-MM-dd) where the user is. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The banner from 60 days before the service licence expires, and once it has; nothing otherwise. */
export function LicenceBanner() {
  const { t } = useTranslation();
  const { record } = useOwnEnterprise();
  const licence = record?.data.licence as { number?: unknown; expiresOn?: unknown } | undefined;
  const expiresOn = str(licence?.expiresOn);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) return null;
  let warning;
  try {
    warning = licenceWarning(expiresOn, localToday());
  } catch {
    return null;
  }
  if (warning.level === 'ok') return null;
  const params = { number: str(licence?.number), date: isoToDateInput(expiresOn), days: warning.daysLeft };
  return (
    <Alert
      color={warning.level === 'expired' ? 'red' : 'yellow'}
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={warning.level === 'expired' ? t('enterprise.licence.expiredTitle') : t('enterprise.licence.expiringTitle')}
      role="alert"
      data-testid="licence-warning"
      data-level={warning.level}
    >
      {warning.level === 'expired' ? t('enterprise.licence.expired', params) : t('enterprise.licence.expiring', params)}
    </Alert>
  );
}

/** The profile's edit form (also "correct and resend" from the sync panel, with its own title and button). */
export function ProfileFormModal({
  title,
  submitLabel,
  ...props
}: {
  initialValues: ProfileFormValues;
  pending: boolean;
  error: unknown;
  onSubmit: (profile: EnterpriseProfile) => void;
  onClose: () => void;
  title?: string;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countries = useMemo(() => countryOptions(language), [language]);
  const provinceOptions = useMemo(() => provinces.map((p) => ({ value: p.code, label: p.name })), []);
  const dateProps = { placeholder: t('filings.form.datePlaceholder'), inputMode: 'numeric' as const, maxLength: 10 };
  return (
    <RecordFormModal
      {...props}
      opened
      size="xl"
      title={title ?? t('enterprise.profile.editTitle')}
      submitLabel={submitLabel ?? t('employers.save')}
      parse={parseProfile}
      errorsFromIssues={profileErrorsFromIssues}
    >
      {(form) => (
        <>
          <TextInput label={t('enterprise.profile.fields.nameVi.label')} withAsterisk data-autofocus {...form.getInputProps('nameVi')} />
          <TextInput label={t('enterprise.profile.fields.nameForeign.label')} {...form.getInputProps('nameForeign')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('enterprise.profile.fields.licenceNumber.label')} withAsterisk spellCheck={false} {...form.getInputProps('licenceNumber')} />
            <TextInput label={t('enterprise.profile.fields.licenceIssuedOn.label')} withAsterisk {...dateProps} {...form.getInputProps('licenceIssuedOn')} />
            <TextInput label={t('enterprise.profile.fields.licenceExpiresOn.label')} withAsterisk {...dateProps} {...form.getInputProps('licenceExpiresOn')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('enterprise.profile.fields.headOfficeLine.label')} withAsterisk style={{ gridColumn: 'span 2' }} {...form.getInputProps('headOfficeLine')} />
            <Select
              label={t('enterprise.profile.fields.headOfficeProvince.label')}
              withAsterisk
              searchable
              data={provinceOptions}
              {...form.getInputProps('headOfficeProvince')}
              onChange={(value) => form.setFieldValue('headOfficeProvince', value ?? '')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('enterprise.profile.fields.representativeName.label')} withAsterisk {...form.getInputProps('representativeName')} />
            <TextInput label={t('enterprise.profile.fields.representativeTitle.label')} withAsterisk {...form.getInputProps('representativeTitle')} />
          </SimpleGrid>
          <ContactInputs form={form} />

          <Group justify="space-between" mt="sm">
            <div>
              <Title order={4} fz="sm">
                {t('enterprise.profile.fees.title')}
              </Title>
              <Text size="xs" c="dimmed">
                {t('enterprise.profile.fees.intro')}
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} />}
              disabled={form.values.fees.length >= serviceFeeScheduleMax}
              onClick={() => form.insertListItem('fees', { ...emptyFeeRow })}
            >
              {t('enterprise.profile.fees.add')}
            </Button>
          </Group>
          {form.values.fees.map((_row, index) => (
            <Paper key={index} withBorder p="xs" radius="sm" data-testid="fee-row-form" aria-label={t('enterprise.profile.fees.row', { number: index + 1 })} role="group">
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
                <Select
                  label={t('enterprise.profile.fees.fields.market.label')}
                  withAsterisk
                  searchable
                  data={countries}
                  limit={300}
                  {...form.getInputProps(`fees.${index}.market`)}
                  onChange={(value) => form.setFieldValue(`fees.${index}.market`, value ?? '')}
                />
                <TextInput label={t('enterprise.profile.fees.fields.trade.label')} withAsterisk {...form.getInputProps(`fees.${index}.trade`)} />
                <Group gap="xs" align="flex-start" wrap="nowrap">
                  <NumberInput
                    label={t('enterprise.profile.fees.fields.amount.label')}
                    withAsterisk
                    thousandSeparator="."
                    decimalSeparator=","
                    min={0}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`fees.${index}.amount`)}
                  />
                  <TextInput
                    label={t('enterprise.profile.fees.fields.currency.label')}
                    withAsterisk
                    maxLength={3}
                    w={80}
                    {...form.getInputProps(`fees.${index}.currency`)}
                  />
                </Group>
                <NumberInput
                  label={t('enterprise.profile.fees.fields.monthsOfWage.label')}
                  decimalSeparator=","
                  min={0}
                  max={36}
                  {...form.getInputProps(`fees.${index}.monthsOfWage`)}
                />
                <TextInput label={t('enterprise.profile.fees.fields.note.label')} style={{ gridColumn: 'span 2' }} {...form.getInputProps(`fees.${index}.note`)} />
              </SimpleGrid>
              <Group justify="flex-end" mt={4}>
                <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => form.removeListItem('fees', index)}>
                  {t('enterprise.profile.fees.remove')}
                </Button>
              </Group>
            </Paper>
          ))}
        </>
      )}
    </RecordFormModal>
  );
}

function FeeScheduleTable({ values }: { values: ProfileFormValues }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (values.fees.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('enterprise.profile.fees.empty')}
      </Text>
    );
  }
  const months = new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 2 });
  return (
    <Table striped verticalSpacing={4} fz="sm" data-testid="fee-schedule">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('enterprise.profile.fees.fields.market.label')}</Table.Th>
          <Table.Th>{t('enterprise.profile.fees.fields.trade.label')}</Table.Th>
          <Table.Th>{t('enterprise.profile.fees.fields.amount.label')}</Table.Th>
          <Table.Th>{t('enterprise.profile.fees.fields.monthsOfWage.label')}</Table.Th>
          <Table.Th>{t('enterprise.profile.fees.fields.note.label')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {values.fees.map((row, index) => (
          <Table.Tr key={index} data-testid="fee-row">
            <Table.Td>{row.market ? countryName(row.market, language) : ''}</Table.Td>
            <Table.Td>{row.trade}</Table.Td>
            <Table.Td>{typeof row.amount === 'number' ? formatMoney(row.amount, row.currency, language) : ''}</Table.Td>
            <Table.Td>{typeof row.monthsOfWage === 'number' ? months.format(row.monthsOfWage) : ''}</Table.Td>
            <Table.Td>{row.note}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EnterpriseProfilePanel({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const { query, record } = useOwnEnterprise();
  const commit = useCommitRecord();
  const [editing, setEditing] = useState<ProfileFormValues | null>(null);

  if (query.isError) return <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Loader size="sm" aria-label={t('common.loading')} />;
  if (!record) {
    return (
      <Text size="sm" c="dimmed" py="md">
        {t('enterprise.profile.notYet')}
      </Text>
    );
  }
  const values = profileValuesFrom(record.data);
  const office = [values.headOfficeLine, provinceName(values.headOfficeProvince) ?? values.headOfficeProvince].filter(Boolean).join(', ');
  const save = (profile: EnterpriseProfile) =>
    commit.mutate({ kind: 'enterprise.updateProfile', payload: { enterpriseId: record.id, profile } }, { onSuccess: () => setEditing(null) });

  return (
    <Paper withBorder radius="sm" p="md" data-testid="enterprise-profile" data-pending={record.pending}>
      <Group justify="space-between" mb="xs" wrap="wrap">
        <div>
          <Title order={3} fz="md">
            {t('enterprise.profile.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {canEdit ? t('enterprise.profile.intro') : t('enterprise.profile.readOnly')}
          </Text>
        </div>
        <Group gap="sm">
          {record.pending && (
            <Tooltip label={t('employers.pendingHint')}>
              <Badge size="sm" color="blue" variant="light" data-testid="pending-marker">
                {t('employers.pending')}
              </Badge>
            </Tooltip>
          )}
          {canEdit && (
            <Button
              leftSection={<IconPencil size={16} />}
              onClick={() => {
                commit.reset();
                setEditing(values);
              }}
            >
              {t('enterprise.profile.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <KeyValueTable
        rows={[
          { label: t('enterprise.profile.fields.nameVi.label'), value: values.nameVi },
          { label: t('enterprise.profile.fields.nameForeign.label'), value: values.nameForeign || '—' },
          { label: t('enterprise.profile.taxCode'), value: str(record.data.taxCode) },
          { label: t('enterprise.profile.fields.licenceNumber.label'), value: values.licenceNumber },
          { label: t('enterprise.profile.fields.licenceIssuedOn.label'), value: values.licenceIssuedOn },
          { label: t('enterprise.profile.fields.licenceExpiresOn.label'), value: values.licenceExpiresOn },
          { label: t('enterprise.profile.headOffice'), value: office },
          {
            label: t('enterprise.profile.representative'),
            value: [values.representativeName, values.representativeTitle].filter(Boolean).join(' — '),
          },
          { label: t('employers.fields.phone.label'), value: values.phone || '—' },
          { label: t('employers.fields.email.label'), value: values.email || '—' },
        ]}
      />
      <Title order={4} fz="sm" mt="md" mb="xs">
        {t('enterprise.profile.fees.title')}
      </Title>
      <FeeScheduleTable values={values} />
      {editing && (
        <ProfileFormModal initialValues={editing} pending={commit.isPending} error={commit.error} onSubmit={save} onClose={() => setEditing(null)} />
      )}
    </Paper>
  );
}
