// One worker of the list, added or edited in a dialog with workerEntrySchema's issues next to each field.
// "Lưu dòng" keeps the row even with issues (nothing typed is lost); the table then flags it.
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { provinces } from '../../../../src-common/domain/administrative-units';
import { formPathOf, workerIssues, type WorkerFormValues } from './registration-form-model';
import { dottedPath } from './filing-issues';
import { useIssueText } from './use-issue-text';

export function WorkerRowModal({
  title,
  initialValues,
  checkAtOnce,
  onSave,
  onClose,
}: {
  title: string;
  initialValues: WorkerFormValues;
  /** An existing row shows its issues at once; a new one after the first "Lưu dòng". */
  checkAtOnce: boolean;
  onSave: (worker: WorkerFormValues) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const form = useForm<WorkerFormValues>({ mode: 'controlled', initialValues });
  const [checked, setChecked] = useState(checkAtOnce);
  const [confirmKeep, setConfirmKeep] = useState(false);
  const issues = useMemo(() => (checked ? workerIssues(form.values) : []), [checked, form.values]);
  const errorOf = (path: string) => {
    const issue = issues.find((candidate) => formPathOf(candidate.path) === path || dottedPath(candidate.path).startsWith(`${path}.`));
    return issue ? issueText(issue) : undefined;
  };
  const input = (path: string) => ({ ...form.getInputProps(path), error: errorOf(path) });
  const provinceOptions = useMemo(() => provinces.map((p) => ({ value: p.code, label: p.name })), []);

  const save = () => {
    const found = workerIssues(form.values);
    if (found.length > 0 && !confirmKeep) {
      // First the issues, next to their fields; a second "Lưu dòng" keeps the row as it is.
      setChecked(true);
      setConfirmKeep(true);
      return;
    }
    onSave(form.values);
  };

  const dateProps = { placeholder: t('filings.form.datePlaceholder'), inputMode: 'numeric' as const, maxLength: 10 };
  return (
    <Modal opened onClose={onClose} title={title} size="xl">
      <form
        noValidate
        aria-label={title}
        // The modal is portalled, but React events still bubble to the registration form around it:
        // its own submit and Ctrl+Enter must not reach that form's "Ký và nộp".
        onSubmit={(event) => {
          event.preventDefault();
          event.stopPropagation();
          save();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) event.stopPropagation();
          getHotkeyHandler([['mod+Enter', save]])(event);
        }}
      >
        <Stack gap="sm" data-testid="worker-form">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('filings.worker.fields.citizenId')} withAsterisk inputMode="numeric" maxLength={12} data-autofocus {...input('citizenId')} />
            <TextInput label={t('filings.worker.fields.fullName')} withAsterisk {...input('fullName')} />
            <TextInput label={t('filings.worker.fields.birthDate')} withAsterisk {...dateProps} {...input('birthDate')} />
            <Select
              label={t('filings.worker.fields.gender')}
              withAsterisk
              data={[
                { value: 'male', label: t('filings.worker.gender.male') },
                { value: 'female', label: t('filings.worker.gender.female') },
              ]}
              {...input('gender')}
              onChange={(value) => form.setFieldValue('gender', value ?? '')}
            />
            <TextInput label={t('filings.worker.fields.phone')} withAsterisk inputMode="tel" {...input('phone')} />
            <Select
              label={t('filings.worker.fields.provinceCode')}
              withAsterisk
              searchable
              data={provinceOptions}
              {...input('residence.provinceCode')}
              onChange={(value) => form.setFieldValue('residence.provinceCode', value ?? '')}
            />
          </SimpleGrid>
          <TextInput label={t('filings.worker.fields.residenceLine')} withAsterisk {...input('residence.line')} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label={t('filings.worker.fields.passportNumber')} withAsterisk maxLength={8} {...input('passport.number')} />
            <TextInput label={t('filings.worker.fields.passportExpiresOn')} withAsterisk {...dateProps} {...input('passport.expiresOn')} />
            <TextInput label={t('filings.worker.fields.plannedDeparture')} withAsterisk {...dateProps} {...input('plannedDeparture')} />
            <TextInput label={t('filings.worker.fields.qualification')} withAsterisk {...input('qualification')} />
            <TextInput label={t('filings.worker.fields.trade')} withAsterisk {...input('trade')} />
            <TagsInput label={t('filings.worker.fields.skills')} {...input('skills')} />
            <NumberInput
              label={t('filings.worker.fields.wageAmount')}
              withAsterisk
              thousandSeparator="."
              decimalSeparator=","
              min={0}
              {...input('wage.amount')}
            />
            <TextInput label={t('filings.worker.fields.wageCurrency')} withAsterisk maxLength={3} {...input('wage.currency')} />
            <NumberInput label={t('filings.worker.fields.contractTermMonths')} withAsterisk min={1} max={120} allowDecimal={false} {...input('contractTermMonths')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('filings.worker.fields.receivingParty')} withAsterisk {...input('receivingParty')} />
            <TextInput label={t('filings.worker.fields.workAddress')} withAsterisk {...input('workAddress')} />
          </SimpleGrid>
          {confirmKeep && issues.length > 0 && (
            <Text size="sm" c="orange.8" role="alert" data-testid="worker-keep-hint">
              {t('filings.worker.keepWithIssues', { count: issues.length })}
            </Text>
          )}
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('filings.worker.submitHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('filings.form.cancel')}
              </Button>
              <Button type="submit">{t('filings.worker.save')}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
