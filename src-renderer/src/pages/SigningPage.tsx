// Chữ ký số: the PKCS#11 library in use, the USB tokens and their certificates with a test signature,
// batch signing of files, and the way to the verifier page (areas token:* and signing:*).
import { ActionIcon, Anchor, Badge, Button, Code, Group, Loader, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconRefresh, IconSettings, IconShieldCheck, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenCertificateView } from '../../../src-common/contract';
import { ErrorPanel } from '../components/ErrorPanel';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { distinguishedNameField, useTokenList, useTokenModules } from '../data/use-signing';
import { formatDate } from '../format/format';
import { useLanguage } from '../i18n/use-language';
import { areaHref } from '../shell/areas';
import { BatchSigningSection } from './signing/BatchSigningSection';
import { PinDialog, type PinState } from './signing/PinDialog';

/** Under this many days left, a certificate shows a warning. */
const expiryWarningDays = 30;

export function SigningPage() {
  const { t } = useTranslation();
  const modules = useTokenModules();
  const list = useTokenList();
  const [selected, setSelected] = useState<TokenCertificateView | null>(null);
  const refresh = () => {
    void modules.refetch();
    void list.refetch();
  };
  const pinStateOf = (certificate: TokenCertificateView | null): PinState | null => {
    const token = list.data?.tokens.find((candidate) => candidate.label === certificate?.tokenLabel);
    return token ? { ...token.pin, pinPad: token.hasPinPad } : null;
  };

  return (
    <>
      <PageHeader title={t('signing.title')} description={t('signing.intro')} />
      <Stack gap="md">
        <LibrarySection modules={modules} />
        <Section
          title={t('signing.tokens.title')}
          testId="token-section"
          actions={
            <Tooltip label={t('common.refresh')}>
              <ActionIcon variant="subtle" aria-label={t('common.refresh')} onClick={refresh} loading={list.isFetching}>
                <IconRefresh size={18} />
              </ActionIcon>
            </Tooltip>
          }
        >
          {list.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : list.isError ? (
            <Stack gap="xs">
              <ErrorPanel error={list.error} onRetry={refresh} />
              <SettingsLink />
            </Stack>
          ) : list.data.tokens.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('signing.tokens.empty')}
            </Text>
          ) : (
            <TokensTable tokens={list.data.tokens} />
          )}
        </Section>
        {list.isSuccess && list.data.tokens.length > 0 && (
          <Section title={t('signing.certificates.title')} testId="certificate-section">
            {list.data.certificates.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('signing.certificates.empty')}
              </Text>
            ) : (
              <CertificatesTable certificates={list.data.certificates} onTestSign={setSelected} />
            )}
          </Section>
        )}
        {list.isSuccess && list.data.certificates.length > 0 && (
          <BatchSigningSection certificates={list.data.certificates} pinStateOf={pinStateOf} />
        )}
        {/* The verifier has its own page: checking a .p7s needs no token. */}
        <Anchor href={areaHref('verify')} size="sm" data-testid="verifier-link">
          <Group gap={4} component="span" wrap="nowrap">
            <IconShieldCheck size={14} />
            {t('signing.verifierLink')}
          </Group>
        </Anchor>
      </Stack>
      <PinDialog certificate={selected} pinState={pinStateOf(selected)} onClose={() => setSelected(null)} />
    </>
  );
}

function SettingsLink() {
  const { t } = useTranslation();
  return (
    <Anchor href={areaHref('settings')} size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <IconSettings size={14} />
        {t('signing.library.change')}
      </Group>
    </Anchor>
  );
}

function LibrarySection({ modules }: { modules: ReturnType<typeof useTokenModules> }) {
  const { t } = useTranslation();
  return (
    <Section title={t('signing.library.title')} testId="token-library" actions={<SettingsLink />}>
      {modules.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : modules.isError ? (
        <ErrorPanel error={modules.error} onRetry={() => void modules.refetch()} />
      ) : (
        <Stack gap="xs">
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('signing.library.inUse')}:
            </Text>
            {modules.data.selected ? (
              <Code data-testid="token-module-in-use">{modules.data.selected}</Code>
            ) : (
              <Text size="sm" c="red">
                {t('signing.library.none')}
              </Text>
            )}
          </Group>
          {modules.data.modules.length > 0 && (
            <Table fz="sm" verticalSpacing={4} striped>
              <Table.Tbody>
                {modules.data.modules.map((module) => (
                  <Table.Tr key={`${module.id}:${module.path}`} fw={module.path === modules.data.selected ? 600 : undefined}>
                    <Table.Td>{module.id === 'custom' ? t('signing.library.custom') : module.name}</Table.Td>
                    <Table.Td>
                      <Code>{module.path}</Code>
                    </Table.Td>
                    <Table.Td>
                      {/* A visible label keeps its width: the table must not cut the badge's text short. */}
                      <Badge size="sm" variant="light" color={module.present ? 'green' : 'gray'} styles={{ label: { overflow: 'visible' } }}>
                        {module.present ? t('signing.library.present') : t('signing.library.missing')}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      )}
    </Section>
  );
}

type TokenSummary = NonNullable<ReturnType<typeof useTokenList>['data']>['tokens'][number];

function PinBadge({ pin }: { pin: PinState }) {
  const { t } = useTranslation();
  if (pin.locked) return <Badge color="red" variant="filled" size="sm">{t('signing.tokens.pinLocked')}</Badge>;
  if (pin.finalTry) return <Badge color="red" variant="light" size="sm">{t('signing.tokens.pinFinalTry')}</Badge>;
  if (pin.countLow) return <Badge color="orange" variant="light" size="sm">{t('signing.tokens.pinCountLow')}</Badge>;
  return <Badge color="green" variant="light" size="sm">{t('signing.tokens.pinOk')}</Badge>;
}

function TokensTable({ tokens }: { tokens: TokenSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table fz="sm" verticalSpacing={4} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('signing.tokens.label')}</Table.Th>
            <Table.Th>{t('signing.tokens.manufacturer')}</Table.Th>
            <Table.Th>{t('signing.tokens.model')}</Table.Th>
            <Table.Th>{t('signing.tokens.serial')}</Table.Th>
            <Table.Th>{t('signing.tokens.pinPad')}</Table.Th>
            <Table.Th>{t('signing.tokens.pinState')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={`${token.label}/${token.serial}`} data-testid="token-row" data-label={token.label}>
              <Table.Td fw={500}>{token.label}</Table.Td>
              <Table.Td>{token.manufacturer}</Table.Td>
              <Table.Td>{token.model}</Table.Td>
              <Table.Td>
                <Code>{token.serial}</Code>
              </Table.Td>
              <Table.Td>{token.hasPinPad ? t('common.yes') : t('common.no')}</Table.Td>
              <Table.Td>
                <PinBadge pin={token.pin} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ValidityBadge({ certificate }: { certificate: TokenCertificateView }) {
  const { t } = useTranslation();
  if (certificate.daysLeft < 0) {
    return (
      <Badge color="red" variant="filled" size="sm" data-testid="certificate-expired">
        {t('signing.certificates.expired')}
      </Badge>
    );
  }
  if (new Date(certificate.validFrom).getTime() > Date.now()) {
    return (
      <Badge color="gray" variant="light" size="sm">
        {t('signing.certificates.notYetValid')}
      </Badge>
    );
  }
  if (certificate.daysLeft < expiryWarningDays) {
    return (
      <Badge color="orange" variant="light" size="sm" data-testid="certificate-expiring">
        {t('signing.certificates.expiringSoon', { days: certificate.daysLeft })}
      </Badge>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {t('signing.certificates.daysLeft', { days: certificate.daysLeft })}
    </Text>
  );
}

function CertificatesTable({
  certificates,
  onTestSign,
}: {
  certificates: TokenCertificateView[];
  onTestSign: (certificate: TokenCertificateView) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table fz="sm" verticalSpacing={4} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('signing.certificates.subject')}</Table.Th>
            <Table.Th>{t('signing.certificates.partyId')}</Table.Th>
            <Table.Th>{t('signing.certificates.issuer')}</Table.Th>
            <Table.Th>{t('signing.certificates.validity')}</Table.Th>
            <Table.Th>{t('signing.certificates.token')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('signing.certificates.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {certificates.map((certificate) => {
            const subject = distinguishedNameField(certificate.subject, 'CN') ?? certificate.label;
            return (
              <Table.Tr
                key={`${certificate.tokenLabel}/${certificate.id}`}
                data-testid="certificate-row"
                data-id={certificate.id}
                data-days-left={certificate.daysLeft}
              >
                <Table.Td fw={500}>{subject}</Table.Td>
                <Table.Td>{certificate.partyId ?? '—'}</Table.Td>
                <Table.Td>{distinguishedNameField(certificate.issuer, 'CN') ?? certificate.issuer}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm">
                      {t('signing.certificates.validRange', {
                        from: formatDate(certificate.validFrom, language),
                        to: formatDate(certificate.validTo, language),
                      })}
                    </Text>
                    <ValidityBadge certificate={certificate} />
                  </Stack>
                </Table.Td>
                <Table.Td>{certificate.tokenLabel}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconSignature size={14} />}
                    onClick={() => onTestSign(certificate)}
                    aria-label={`${t('signing.certificates.testSign')}: ${subject}`}
                  >
                    {t('signing.certificates.testSign')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
