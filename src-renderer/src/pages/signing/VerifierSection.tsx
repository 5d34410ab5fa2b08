// The verifier: a .p7s and the file it signs, read as base64 here, checked by signing:verify.
import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconFile, IconFileCertificate } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../../src-common/contract';
import type { AppError } from '../../../../src-common/result';
import { useBridge } from '../../bridge/BridgeContext';
import { appErrorOf, callContract } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import { Section } from '../../components/Section';
import { fileToBase64 } from '../../data/use-signing';
import { formatBytes } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';
import { VerdictView } from './VerdictView';

/** The contract takes at most 20,000,000 base64 characters: 15,000,000 bytes. */
const maxFileBytes = 15_000_000;

export function VerifierSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [p7s, setP7s] = useState<File | null>(null);
  const [content, setContent] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);

  const choose = (set: (file: File | null) => void) => (file: File | null) => {
    set(file);
    setVerdict(null);
    setFailure(null);
    setProblem(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setVerdict(null);
    setFailure(null);
    if (!p7s || !content) {
      setProblem(t('signing.verifier.missingFiles'));
      return;
    }
    const tooLarge = [p7s, content].find((file) => file.size > maxFileBytes);
    if (tooLarge) {
      setProblem(t('signing.verifier.tooLarge', { name: tooLarge.name, max: formatBytes(maxFileBytes, language) }));
      return;
    }
    setProblem(null);
    setBusy(true);
    try {
      const [p7sBase64, contentBase64] = await Promise.all([fileToBase64(p7s), fileToBase64(content)]);
      setVerdict(await callContract(bridge, 'signing:verify', { p7s: p7sBase64, content: contentBase64 }));
    } catch (error) {
      setFailure(appErrorOf(error) ?? { code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title={t('signing.verifier.title')} testId="signature-verifier">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm" maw={760}>
          <Text size="sm" c="dimmed">
            {t('signing.verifier.intro')}
          </Text>
          <Group grow align="flex-start">
            <FileInput
              label={t('signing.verifier.signature')}
              placeholder={t('signing.verifier.choose')}
              accept=".p7s,application/pkcs7-signature"
              leftSection={<IconFileCertificate size={16} />}
              clearable
              value={p7s}
              onChange={choose(setP7s)}
              name="p7s"
            />
            <FileInput
              label={t('signing.verifier.content')}
              placeholder={t('signing.verifier.choose')}
              leftSection={<IconFile size={16} />}
              clearable
              value={content}
              onChange={choose(setContent)}
              name="content"
            />
          </Group>
          {problem && (
            <Text size="sm" c="red" role="alert">
              {problem}
            </Text>
          )}
          {failure && (
            <Text size="sm" c="red" role="alert" data-code={failure.code}>
              {errorText(failure)}
            </Text>
          )}
          <Group>
            <Button type="submit" variant="light" loading={busy}>
              {t('signing.verifier.submit')}
            </Button>
          </Group>
          {verdict && <VerdictView verdict={verdict} />}
        </Stack>
      </form>
    </Section>
  );
}
