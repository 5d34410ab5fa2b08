// "Nhập từ Excel" in the worker table: the picked .xlsx/.csv goes to the core (filings:importWorkerList,
// rows checked with the shared worker rules there); accepted workers are appended, rejected rows are listed
// with their row number and reasons, and the core's report of those rows can be saved to fix and re-import.
import { Alert, Button, CloseButton, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../../src-common/contract';
import { useBridge } from '../../bridge/BridgeContext';
import { appErrorOf, callContract } from '../../bridge/contract-call';
import { useErrorText } from '../../bridge/error-text';
import { fileToBase64 } from '../../data/use-signing';
import { workerFieldLabel } from './issue-labels';
import { workerValuesOf, type WorkerFormValues } from './registration-form-model';

type ImportOutput = MethodOutput<'filings:importWorkerList'>;
type Outcome = { name: string; result: ImportOutput } | { name: string; failure: string };

const spreadsheetTypes = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';
const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function WorkerImportButton({ onImported }: { onImported: (workers: WorkerFormValues[]) => void }) {
  const { t } = useTranslation();
  const bridge = useBridge();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File | null) => {
    if (!file) return;
    const name = file.name.normalize('NFC');
    setBusy(name);
    setOutcome(null);
    try {
      const result = await callContract(bridge, 'filings:importWorkerList', { name, content: await fileToBase64(file) });
      if (result.workers.length > 0) onImported(result.workers.map(workerValuesOf));
      setOutcome({ name, result });
    } catch (error) {
      const appError = appErrorOf(error);
      setOutcome({ name, failure: appError ? errorText(appError) : error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" align="flex-start">
      <FileButton onChange={(file) => void importFile(file)} accept={spreadsheetTypes}>
        {(props) => (
          <Button {...props} variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={busy !== null} title={t('filings.worker.import.hint')}>
            {t('filings.worker.import.button')}
          </Button>
        )}
      </FileButton>
      {busy && (
        <Text size="sm" c="dimmed" role="status">
          {t('filings.worker.import.importing', { name: busy })}
        </Text>
      )}
      {outcome && <ImportOutcome outcome={outcome} onClose={() => setOutcome(null)} />}
    </Stack>
  );
}

function ImportOutcome({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const { t } = useTranslation();
  const close = <CloseButton size="sm" onClick={onClose} aria-label={t('filings.worker.import.close')} />;
  if ('failure' in outcome) {
    return (
      <Alert color="red" variant="light" role="alert" data-testid="worker-import-failure">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">{t('filings.worker.import.failed', { name: outcome.name, reason: outcome.failure })}</Text>
          {close}
        </Group>
      </Alert>
    );
  }
  const { result } = outcome;
  const rejected = result.rejected;
  return (
    <Alert
      color={rejected.length > 0 ? 'orange' : 'green'}
      variant="light"
      role="status"
      data-testid="worker-import-result"
      data-added={result.workers.length}
      data-rejected={rejected.length}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" data-testid="worker-import-added">
            {t('filings.worker.import.added', { count: result.workers.length, name: outcome.name })}
          </Text>
          {close}
        </Group>
        {rejected.length > 0 && (
          <>
            <Text size="sm" fw={500}>
              {t('filings.worker.import.rejected', { count: rejected.length })}
            </Text>
            <List size="sm" spacing={2}>
              {rejected.map((row) => (
                <List.Item key={row.rowNumber} data-testid="worker-import-rejected-row" data-row={row.rowNumber}>
                  <Text size="sm" span fw={500}>
                    {t('filings.worker.import.rowNumber', { row: row.rowNumber })}
                  </Text>
                  {': '}
                  {row.reasons.map((reason) => `${workerFieldLabel(t, reason.field)}: ${reason.message}`).join('; ')}
                </List.Item>
              ))}
            </List>
            {result.rejectedReport && <ReportDownload name={outcome.name} report={result.rejectedReport} />}
          </>
        )}
      </Stack>
    </Alert>
  );
}

/** The rejected rows as .xlsx; the blob URL lives as long as the link. */
function ReportDownload({ name, report }: { name: string; report: string }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const created = URL.createObjectURL(new Blob([base64ToBytes(report)], { type: xlsxMime }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [report]);
  const fileName = `${name.replace(/\.(xlsx|csv)$/i, '')}-dong-loi.xlsx`;
  return (
    <Group>
      <Button component="a" href={url ?? undefined} download={fileName} size="xs" variant="light" leftSection={<IconDownload size={14} />} data-testid="worker-import-report">
        {t('filings.worker.import.download')}
      </Button>
    </Group>
  );
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
