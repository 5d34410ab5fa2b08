// "Xuất Excel" for any list: asks the core for the list as .xlsx (it writes the file, with the list's
// current filters) and offers it for download; a failure is said next to the button.
import { Button, Group, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../src-common/result';
import { useErrorText } from '../bridge/error-text';
import { downloadBase64File, xlsxMime } from '../data/download';

export function ExportExcelButton({
  run,
  disabled,
  testId,
}: {
  run: () => Promise<Result<{ fileName: string; content: string }>>;
  disabled?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [exporting, setExporting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const exportList = async () => {
    setExporting(true);
    setProblem(null);
    try {
      const result = await run();
      if (result.ok) downloadBase64File(result.value.fileName, result.value.content, xlsxMime);
      else setProblem(errorText(result.error));
    } finally {
      setExporting(false);
    }
  };
  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        onClick={() => void exportList()}
        loading={exporting}
        {...(disabled ? { disabled } : {})}
        {...(testId ? { 'data-testid': testId } : {})}
      >
        {t('common.exportExcel')}
      </Button>
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
    </Group>
  );
}
