// Doanh nghiệp: the enterprise profile, its branches, and the registries of foreign employers and brokers,
// as tabs (#/enterprises/<tab>); the service-licence warning shows above them whatever the tab.
import { Stack, Tabs } from '@mantine/core';
import { useCallback, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountView } from '../../../src-common/portal-api/auth.api';
import { PageHeader } from '../components/PageHeader';
import { useSessionStatus } from '../data/use-session';
import { BranchRegistry } from './branches/BranchRegistry';
import { BrokerRegistry } from './brokers/BrokerRegistry';
import { EmployerRegistry } from './employers/EmployerRegistry';
import { EnterpriseProfilePanel, LicenceBanner } from './enterprise/EnterpriseProfilePanel';

/** Who the portal lets change the registry (push-batch: enterprise admins, and branch staff it delegates to). */
export function canEditEmployers(account: AccountView | undefined): boolean {
  return account?.role === 'enterpriseAdmin' || account?.role === 'branchStaff';
}

/** The profile and the branches (with their delegated functions) are the enterprise admin's alone. */
export function canEditEnterprise(account: AccountView | undefined): boolean {
  return account?.role === 'enterpriseAdmin';
}

const tabs = ['profile', 'branches', 'employers', 'brokers'] as const;
type EnterpriseTab = (typeof tabs)[number];
/** The registry of employers is the daily work, so #/enterprises alone opens it (links and habits rely on it). */
const defaultTab: EnterpriseTab = 'employers';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
function readTab(): EnterpriseTab {
  const tab = window.location.hash.replace(/^#\/?/, '').split(/[/?]/)[1] ?? '';
  return (tabs as readonly string[]).includes(tab) ? (tab as EnterpriseTab) : defaultTab;
}

export function EnterprisesPage() {
  const { t } = useTranslation();
  const session = useSessionStatus();
  const account = session.data?.account;
  const tab = useSyncExternalStore(subscribe, readTab);
  const select = useCallback((value: string | null) => {
    if (value) window.location.hash = `#/enterprises/${value}`;
  }, []);
  return (
    <>
      <PageHeader title={t('areas.enterprises')} />
      <Stack gap="md" maw={1200}>
        <LicenceBanner />
        {/* Only the open tab is mounted: each registry binds Alt+N and / for itself. */}
        <Tabs value={tab} onChange={select} keepMounted={false}>
          <Tabs.List mb="md">
            {tabs.map((id) => (
              <Tabs.Tab key={id} value={id}>
                {t(`enterprise.tabs.${id}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="profile">
            <EnterpriseProfilePanel canEdit={canEditEnterprise(account)} />
          </Tabs.Panel>
          <Tabs.Panel value="branches">
            <BranchRegistry canEdit={canEditEnterprise(account)} />
          </Tabs.Panel>
          <Tabs.Panel value="employers">
            <EmployerRegistry canEdit={canEditEmployers(account)} />
          </Tabs.Panel>
          <Tabs.Panel value="brokers">
            <BrokerRegistry canEdit={canEditEmployers(account)} />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </>
  );
}
