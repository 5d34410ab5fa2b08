// A failed load: the coded error's localised message and a retry, instead of a blank page.
import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { appErrorOf } from '../bridge/contract-call';
import { useErrorText } from '../bridge/error-text';

export function ErrorPanel({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const appError = appErrorOf(error);
  // Anything without a code is a bug on our side; core's INTERNAL_ERROR text says the same calmly.
  const message = appError ? errorText(appError) : error instanceof Error ? error.message : String(error);
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle size={18} />} role="alert">
      {message}
      {onRetry && (
        <Button size="xs" variant="default" mt="sm" display="block" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
