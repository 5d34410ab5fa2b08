// The end of a batch: what happened in one sentence, each signed file with its .p7s to download, and the
// files left unsigned with the reason (stopped, token pulled out, ...).
import { Alert, Anchor, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignFilesOutput } from '../../../../src-common/contract';
import { isErrorCode } from '../../../../src-common/errors';
import { useErrorText } from '../../bridge/error-text';
import { areaHref } from '../../shell/areas';

export function BatchResultView({ result }: { result: SignFilesOutput }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  // In the UI's language by code; the core's own text for a code this build does not know.
  const reasonText = ({ code, message }: { code: string; message: string }) => (isErrorCode(code) ? errorText({ code, message }) : message);
  const { signed, unsigned, stoppedBy } = result;
  const complete = unsigned.length === 0;
  const counts = { signed: signed.length, unsigned: unsigned.length };
  const summary = complete
    ? t('signing.batch.allSigned', { count: signed.length })
    : stoppedBy?.code === 'TOKEN_REMOVED'
      ? t('signing.batch.partlySigned', { ...counts, reason: t('signing.batch.reasons.removed') })
      : stoppedBy?.code === 'SIGNING_CANCELLED'
        ? t('signing.batch.partlySigned', { ...counts, reason: t('signing.batch.reasons.cancelled') })
        : t('signing.batch.partlyFailed', { ...counts, message: stoppedBy ? reasonText(stoppedBy) : '' });

  return (
    <Stack gap="sm" data-testid="batch-result" data-signed={signed.length} data-unsigned={unsigned.length} data-code={stoppedBy?.code}>
      <Alert
        color={complete ? 'green' : 'orange'}
        variant="light"
        role="status"
        icon={complete ? <IconCircleCheck size={20} /> : <IconAlertTriangle size={20} />}
      >
        <Text size="sm" data-testid="batch-summary">
          {summary}
        </Text>
      </Alert>
      {signed.length > 0 && (
        <Stack gap={4}>
          <Title order={4} fz="sm">
            {t('signing.batch.signedList')}
          </Title>
          <Table.ScrollContainer minWidth={360} mah={280}>
            <Table fz="sm" verticalSpacing={2} highlightOnHover>
              <Table.Tbody>
                {signed.map((file) => (
                  <Table.Tr key={file.name} data-testid="batch-signed-file" data-name={file.name}>
                    <Table.Td>{file.name}</Table.Td>
                    <Table.Td w={1} style={{ whiteSpace: 'nowrap' }} c="dimmed">
                      {file.timestamped ? t('signing.batch.timestamped') : t('signing.batch.notTimestamped')}
                    </Table.Td>
                    <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
                      <SignatureDownload name={file.name} p7s={file.p7s} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      {unsigned.length > 0 && (
        <Stack gap={4}>
          <Title order={4} fz="sm">
            {t('signing.batch.unsignedList')}
          </Title>
          <List size="sm" spacing={2} data-testid="batch-unsigned">
            {unsigned.map((name) => (
              <List.Item key={name}>{name}</List.Item>
            ))}
          </List>
        </Stack>
      )}
      <Group>
        <Anchor href={areaHref('verify')} size="sm">
          {t('signing.batch.verifyLink')}
        </Anchor>
      </Group>
    </Stack>
  );
}

/** A link that saves `name`.p7s; the blob URL lives as long as the link. */
function SignatureDownload({ name, p7s }: { name: string; p7s: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(new Blob([base64ToBytes(p7s)], { type: 'application/pkcs7-signature' }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [p7s]);
  const fileName = `${name}.p7s`;
  return (
    <Button
      component="a"
      href={url ?? undefined}
      download={fileName}
      size="xs"
      variant="subtle"
      leftSection={<IconDownload size={14} />}
      aria-label={t('signing.batch.download', { name: fileName })}
    >
      {fileName}
    </Button>
  );
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
