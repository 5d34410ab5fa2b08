// Phone and e-mail inputs of an organisation form (the `phone` and `email` values of its form).
import { SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

export function ContactInputs<V extends { phone: string; email: string }>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label={t('employers.fields.phone.label')} inputMode="tel" {...form.getInputProps('phone')} />
      <TextInput label={t('employers.fields.email.label')} inputMode="email" spellCheck={false} {...form.getInputProps('email')} />
    </SimpleGrid>
  );
}
