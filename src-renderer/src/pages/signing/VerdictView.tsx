// The verdict of a signature (test signature or verifier): valid or not, signer, MST, signing time, timestamp, message.
import { Alert, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../../src-common/contract';
import { formatDate, formatDateTime } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';

export function VerdictView({ verdict }: { verdict: Verdict }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const unknown = t('signing.verdict.unknown');
  const signer = verdict.signer;
  const rows: [string, string][] = [
    [t('signing.verdict.signer'), signer?.commonName ?? unknown],
    [t('signing.verdict.partyId'), signer?.partyId ?? unknown],
    [t('signing.verdict.signingTime'), verdict.signingTime ? formatDateTime(verdict.signingTime, language) : unknown],
  ];
  if (verdict.timestamp) {
    const stamp = { time: formatDateTime(verdict.timestamp.time, language), tsa: verdict.timestamp.tsaName ?? unknown };
    rows.push([t('signing.verdict.timestamp'), t(verdict.timestamp.verified ? 'signing.verdict.timestampVerified' : 'signing.verdict.timestampUnverified', stamp)]);
  }
  if (signer) {
    rows.push([
      t('signing.verdict.certificateValidity'),
      t('signing.certificates.validRange', { from: formatDate(signer.notBefore, language), to: formatDate(signer.notAfter, language) }),
    ]);
  }
  return (
    <Alert
      data-testid="signing-verdict"
      data-valid={String(verdict.valid)}
      data-code={verdict.code}
      color={verdict.valid ? 'green' : 'red'}
      variant="light"
      role="status"
      icon={verdict.valid ? <IconCircleCheck size={20} /> : <IconCircleX size={20} />}
      title={verdict.valid ? t('signing.verdict.valid') : t('signing.verdict.invalid')}
    >
      <Text size="sm" mb="xs">
        {verdict.message}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th w={180} fw={500}>
                {label}
              </Table.Th>
              <Table.Td>{value}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Alert>
  );
}
