// Branches ("chi nhánh") and what the enterprise delegates to each (phân quyền), on the shared record registry.
import { Badge, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { provinceName, provinces } from '../../../../src-common/domain/administrative-units';
import type { BranchFields } from '../../../../src-common/domain/organisation';
import { branchFunctions, type BranchFunction } from '../../../../src-common/domain/roles';
import { RecordFormModal } from '../registry/RecordFormModal';
import { RecordRegistry, type RegistryFormProps } from '../registry/RecordRegistry';
import { branchErrorsFromIssues, branchValuesFrom, emptyBranchValues, parseBranch, type BranchFormValues } from './branch-form';

export function BranchFormModal(props: RegistryFormProps<BranchFormValues, BranchFields>) {
  const { t } = useTranslation();
  const provinceOptions = useMemo(() => provinces.map((p) => ({ value: p.code, label: p.name })), []);
  return (
    <RecordFormModal {...props} parse={parseBranch} errorsFromIssues={branchErrorsFromIssues}>
      {(form) => (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('enterprise.branches.fields.code.label')}
              withAsterisk
              spellCheck={false}
              data-autofocus
              {...form.getInputProps('code')}
            />
            <TextInput label={t('enterprise.branches.fields.name.label')} withAsterisk style={{ gridColumn: 'span 2' }} {...form.getInputProps('name')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('enterprise.branches.fields.addressLine.label')} withAsterisk style={{ gridColumn: 'span 2' }} {...form.getInputProps('addressLine')} />
            <Select
              label={t('enterprise.branches.fields.provinceCode.label')}
              withAsterisk
              searchable
              data={provinceOptions}
              {...form.getInputProps('provinceCode')}
              onChange={(value) => form.setFieldValue('provinceCode', value ?? '')}
            />
          </SimpleGrid>
          <TextInput label={t('enterprise.branches.fields.manager.label')} withAsterisk {...form.getInputProps('manager')} />
          <Checkbox.Group
            label={t('enterprise.branches.fields.functions.label')}
            description={t('enterprise.branches.fields.functions.description')}
            {...form.getInputProps('functions')}
          >
            <Stack gap={6} mt="xs">
              {branchFunctions.map((fn) => (
                <Checkbox key={fn} value={fn} label={t(`enterprise.branches.functions.${fn}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        </>
      )}
    </RecordFormModal>
  );
}

function FunctionBadges({ functions }: { functions: BranchFunction[] }) {
  const { t } = useTranslation();
  if (functions.length === 0) return <>{t('enterprise.branches.noFunctions')}</>;
  return (
    <Group gap={4}>
      {functions.map((fn) => (
        <Badge key={fn} size="sm" variant="outline" color="gray" data-testid="branch-function">
          {t(`enterprise.branches.functions.${fn}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function BranchRegistry({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <RecordRegistry<BranchFormValues, BranchFields>
      entity="branch"
      canEdit={canEdit}
      emptyValues={emptyBranchValues}
      valuesFrom={branchValuesFrom}
      nameOf={(values) => values.name}
      columns={[
        { header: t('enterprise.branches.columns.code'), cell: (v) => v.code, strong: true },
        { header: t('enterprise.branches.columns.name'), cell: (v) => v.name },
        { header: t('enterprise.branches.columns.province'), cell: (v) => provinceName(v.provinceCode) ?? v.provinceCode },
        { header: t('enterprise.branches.columns.manager'), cell: (v) => v.manager },
        { header: t('enterprise.branches.columns.functions'), cell: (v) => <FunctionBadges functions={v.functions} /> },
      ]}
      renderForm={(props) => <BranchFormModal {...props} />}
    />
  );
}
