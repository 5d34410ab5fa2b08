// The dossier's attachments: PDF, JPEG or PNG picked from disk and kept by the core (attachments:add,
// encrypted in the account's store, uploaded to the portal before the filing); the filing's content
// keeps name, type, size and the SHA-256 the core computed, so the signature covers the file's bytes.
import { Alert, Button, FileButton, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconPaperclip, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  attachmentKinds,
  attachmentMaxBytes,
  attachmentMimeTypes,
  requiredAttachments,
  type Attachment,
  type AttachmentKind,
  type ContractKind,
} from '../../../../src-common/domain/overseas/contract-registration';
import { useBridge } from '../../bridge/BridgeContext';
import { useErrorText } from '../../bridge/error-text';
import { fileToBase64 } from '../../data/use-signing';
import { formatBytes } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';

export function AttachmentsSection({
  attachments,
  contractKind,
  readOnly,
  errors,
  onChange,
}: {
  attachments: Attachment[];
  contractKind: ContractKind;
  readOnly: boolean;
  /** The rules' issues about the attachments (missing required ones). */
  errors: string[];
  onChange: (attachments: Attachment[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [kind, setKind] = useState<AttachmentKind>('registrationLetter');
  const [problem, setProblem] = useState<string | null>(null);
  const [hashing, setHashing] = useState(false);
  const bridge = useBridge();
  const errorText = useErrorText();

  const add = async (files: File[]) => {
    setProblem(null);
    const accepted: Attachment[] = [];
    setHashing(true);
    try {
      for (const file of files) {
        if (!(attachmentMimeTypes as readonly string[]).includes(file.type)) {
          setProblem(t('filings.attachments.wrongType', { name: file.name }));
          continue;
        }
        if (file.size === 0 || file.size > attachmentMaxBytes) {
          setProblem(t('filings.attachments.wrongSize', { name: file.name, max: formatBytes(attachmentMaxBytes, language) }));
          continue;
        }
        // The core checks the bytes against the declared type, keeps them encrypted and names them by hash.
        const name = file.name.normalize('NFC');
        const kept = await bridge.invoke('attachments:add', { name, mime: file.type as Attachment['mime'], content: await fileToBase64(file) });
        if (!kept.ok) {
          setProblem(t('filings.attachments.storeFailed', { name, reason: errorText(kept.error) }));
          continue;
        }
        accepted.push({ kind, name, mime: kept.value.mime as Attachment['mime'], size: kept.value.size, sha256: kept.value.sha256 });
      }
    } finally {
      setHashing(false);
    }
    if (accepted.length > 0) onChange([...attachments, ...accepted]);
  };

  const required = requiredAttachments[contractKind];
  return (
    <Stack gap="xs" data-testid="attachments">
      <Text size="sm" c="dimmed">
        {t('filings.attachments.required', { list: required.map((k) => t(`filings.attachments.kinds.${k}`)).join(', ') })}
      </Text>
      {attachments.length > 0 && (
        <Table fz="sm" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('filings.attachments.kind')}</Table.Th>
              <Table.Th>{t('filings.attachments.name')}</Table.Th>
              <Table.Th>{t('filings.attachments.size')}</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              {!readOnly && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attachments.map((attachment, index) => (
              <Table.Tr key={`${attachment.sha256}:${index}`} data-testid="attachment-row">
                <Table.Td>{t(`filings.attachments.kinds.${attachment.kind}`)}</Table.Td>
                <Table.Td>{attachment.name}</Table.Td>
                <Table.Td>{formatBytes(attachment.size, language)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" title={attachment.sha256}>
                    {attachment.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                {!readOnly && (
                  <Table.Td w={1}>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      leftSection={<IconTrash size={14} />}
                      onClick={() => onChange(attachments.filter((_, i) => i !== index))}
                      aria-label={t('filings.attachments.remove', { name: attachment.name })}
                    >
                      {t('filings.attachments.removeShort')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!readOnly && (
        <Group gap="sm" align="flex-end">
          <Select
            w={280}
            label={t('filings.attachments.kind')}
            data={attachmentKinds.map((k) => ({ value: k, label: t(`filings.attachments.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => value && setKind(value as AttachmentKind)}
            allowDeselect={false}
          />
          <FileButton onChange={(files) => void add(files)} accept={attachmentMimeTypes.join(',')} multiple>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconPaperclip size={16} />} loading={hashing}>
                {t('filings.attachments.add')}
              </Button>
            )}
          </FileButton>
        </Group>
      )}
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
      {errors.map((error) => (
        <Text key={error} size="sm" c="red" role="alert" data-testid="attachments-error">
          {error}
        </Text>
      ))}
      {!readOnly && (
        <Alert color="gray" variant="light" p="xs">
          <Text size="xs">{t('filings.attachments.bytesStored')}</Text>
        </Alert>
      )}
    </Stack>
  );
}
