// Doanh nghiệp: the foreign-employer registry now; the enterprise profile, branches and brokers to come.
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../src-common/portal-api/auth.api';
import { PageHeader } from '../components/PageHeader';
import { useSessionStatus } from '../data/use-session';
import { EmployerRegistry } from './employers/EmployerRegistry';

/** Who the portal lets change the registry (push-batch: enterprise admins, and branch staff it delegates to). */
export function canEditEmployers(account: AccountView | undefined): boolean {
  return account?.role === 'enterpriseAdmin' || account?.role === 'branchStaff';
}

export function EnterprisesPage() {
  const { t } = useTranslation();
  const session = useSessionStatus();
  return (
    <>
      <PageHeader title={t('areas.enterprises')} />
      <Stack gap="md" maw={1200}>
        <EmployerRegistry canEdit={canEditEmployers(session.data?.account)} />
        <Text size="sm" c="dimmed">
          {t('employers.others')}
        </Text>
      </Stack>
    </>
  );
}
