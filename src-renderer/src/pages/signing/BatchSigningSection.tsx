// "Ký hàng loạt" on the signing page: several files and one certificate chosen, checked against the
// contract's limits, read as base64, then handed to the batch-signing dialog (one PIN entry).
import { Button, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCertificate, IconFiles, IconSignature } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { batchFileLimits, type TokenCertificateView } from '../../../../src-common/contract';
import { Section } from '../../components/Section';
import { distinguishedNameField, fileToBase64 } from '../../data/use-signing';
import { formatBytes } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';
import { BatchSigningDialog, newTaskId, type PreparedBatch } from './BatchSigningDialog';
import type { PinState } from './PinEntryForm';

/** Bytes whose base64 fits the contract's limits (4 characters per 3 bytes). */
const maxFileBytes = Math.floor(batchFileLimits.maxFileBase64 / 4) * 3;
const maxTotalBytes = Math.floor(batchFileLimits.maxTotalBase64 / 4) * 3;

const certificateKey = (certificate: TokenCertificateView) => `${certificate.tokenLabel}/${certificate.id}`;

export function BatchSigningSection({
  certificates,
  pinStateOf,
}: {
  certificates: TokenCertificateView[];
  pinStateOf: (certificate: TokenCertificateView | null) => PinState | null;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const now = Date.now();
  // Only certificates that may sign now: the core refuses the others anyway.
  const usable = certificates.filter((c) => c.daysLeft >= 0 && new Date(c.validFrom).getTime() <= now);
  const [files, setFiles] = useState<File[]>([]);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [batch, setBatch] = useState<PreparedBatch | null>(null);
  const certificate = usable.find((c) => certificateKey(c) === chosenKey) ?? (usable.length === 1 ? usable[0]! : null);

  const checkFiles = (): string | null => {
    if (files.length === 0) return t('signing.batch.missingFiles');
    if (files.length > batchFileLimits.maxFiles) return t('signing.batch.tooMany', { max: batchFileLimits.maxFiles, count: files.length });
    const tooLarge = files.find((file) => file.size > maxFileBytes);
    if (tooLarge) return t('signing.batch.tooLarge', { name: tooLarge.name, max: formatBytes(maxFileBytes, language) });
    if (files.reduce((sum, file) => sum + file.size, 0) > maxTotalBytes) return t('signing.batch.tooLargeTogether', { max: formatBytes(maxTotalBytes, language) });
    const names = new Set<string>();
    for (const file of files) {
      if (names.has(file.name)) return t('signing.batch.duplicateName', { name: file.name });
      names.add(file.name);
    }
    return null;
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (reading) return;
    const filesProblem = checkFiles();
    const found = filesProblem ?? (certificate ? null : t('signing.batch.missingCertificate'));
    setProblem(found);
    if (found || !certificate) return;
    setReading(true);
    try {
      const contents = await Promise.all(files.map(async (file) => ({ name: file.name, content: await fileToBase64(file) })));
      setBatch({ id: newTaskId(), certificate, files: contents });
    } finally {
      setReading(false);
    }
  };

  const totalSize = files.reduce((sum, file) => sum + file.size, 0);

  return (
    <Section title={t('signing.batch.title')} testId="batch-signing">
      <form onSubmit={(event) => void submit(event)} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => void submit()]])}>
        <Stack gap="sm" maw={760}>
          <Text size="sm" c="dimmed">
            {t('signing.batch.intro')}
          </Text>
          <Group grow align="flex-start">
            <FileInput
              multiple
              label={t('signing.batch.files')}
              placeholder={t('signing.batch.choose')}
              leftSection={<IconFiles size={16} />}
              clearable
              value={files}
              onChange={(chosen) => {
                setFiles(chosen);
                setProblem(null);
              }}
              description={files.length > 0 ? t('signing.batch.chosen', { count: files.length, size: formatBytes(totalSize, language) }) : undefined}
              name="files"
            />
            <Select
              label={t('signing.batch.certificate')}
              placeholder={usable.length === 0 ? t('signing.batch.noCertificate') : t('signing.batch.certificatePlaceholder')}
              leftSection={<IconCertificate size={16} />}
              data={usable.map((c) => ({
                value: certificateKey(c),
                // Several certificates of one company share a name and MST: the token's label for each tells them apart.
                label: `${distinguishedNameField(c.subject, 'CN') ?? c.label}${c.partyId ? ` — ${c.partyId}` : ''} · ${c.label} (${c.tokenLabel})`,
              }))}
              value={certificate ? certificateKey(certificate) : null}
              onChange={(value) => {
                setChosenKey(value);
                setProblem(null);
              }}
              disabled={usable.length === 0}
              allowDeselect={false}
            />
          </Group>
          {problem && (
            <Text size="sm" c="red" role="alert" data-testid="batch-problem">
              {problem}
            </Text>
          )}
          <Group>
            <Button type="submit" leftSection={<IconSignature size={16} />} loading={reading} disabled={usable.length === 0}>
              {t('signing.batch.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <BatchSigningDialog batch={batch} pinState={pinStateOf(batch?.certificate ?? null)} onClose={() => setBatch(null)} />
    </Section>
  );
}
