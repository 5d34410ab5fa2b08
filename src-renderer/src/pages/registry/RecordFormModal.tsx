// The modal form every organisation record uses (employer, broker, branch, enterprise profile): shared-schema
// validation on submit, core's refusals on the fields, Ctrl+Enter saves, Esc closes.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm, type FormErrors, type UseFormReturnType } from '@mantine/form';
import { getHotkeyHandler } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { appErrorOf, validationIssuesOf, type FieldIssue } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import type { FormParse } from './record-form';

export interface RecordFormModalProps<V extends Record<string, any>, F> {
  opened: boolean;
  title: string;
  initialValues: V;
  submitLabel: string;
  pending: boolean;
  /** The failure of the last save, shown in the form (field errors for VALIDATION_FAILED). */
  error: unknown;
  onSubmit: (fields: F) => void;
  onClose: () => void;
  parse: (values: V) => FormParse<F>;
  errorsFromIssues: (issues: FieldIssue[]) => FormErrors;
  size?: string;
  /** The fields, laid out in the legal form's order. */
  children: (form: UseFormReturnType<V>) => ReactNode;
}

export function RecordFormModal<V extends Record<string, any>, F>(props: RecordFormModalProps<V, F>) {
  const { opened, title, initialValues, submitLabel, pending, error, onSubmit, onClose, parse, errorsFromIssues, size = 'lg', children } = props;
  const { t } = useTranslation();
  const errorText = useErrorText();
  const form = useForm<V>({
    mode: 'controlled',
    initialValues,
    validate: (values) => {
      const parsed = parse(values);
      return parsed.ok ? {} : parsed.errors;
    },
  });

  // Core may still refuse what the form accepted (a newer schema): its issues go on the fields too.
  const failure = appErrorOf(error);
  useEffect(() => {
    const issues = validationIssuesOf(failure);
    if (issues.length > 0) form.setErrors(errorsFromIssues(issues));
    // Only a new failure; `form` changes identity on every keystroke.
  }, [error]);

  const submit = form.onSubmit((values) => {
    const parsed = parse(values);
    if (parsed.ok) onSubmit(parsed.fields);
  });

  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} closeOnClickOutside={!pending}>
      <form noValidate onSubmit={submit} onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} aria-label={title}>
        <Stack gap="sm">
          {children(form)}
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
