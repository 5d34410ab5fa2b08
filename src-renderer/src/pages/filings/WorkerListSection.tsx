// The worker list of a registration: a table of rows (add, edit, remove), each row checked with
// workerEntrySchema as it is, and the list's own issues (duplicates, passports against the contract).
import { Badge, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../format/money';
import { useLanguage } from '../../i18n/use-language';
import type { FilingIssue } from './filing-issues';
import { workerFieldLabel } from './issue-labels';
import { emptyWorkerValues, workerIssues, type WorkerFormValues } from './registration-form-model';
import { useIssueText } from './use-issue-text';
import { WorkerImportButton } from './WorkerImportButton';
import { WorkerRowModal } from './WorkerRowModal';

export function WorkerListSection({
  workers,
  currency,
  readOnly,
  listIssues,
  onChange,
}: {
  workers: WorkerFormValues[];
  /** The contract's wage currency, proposed for a new row. */
  currency: string;
  readOnly: boolean;
  /** Issues of the whole filing under `workers` (after "Ký và nộp" was tried). */
  listIssues: FilingIssue[];
  onChange: (workers: WorkerFormValues[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const issueText = useIssueText();
  const [editing, setEditing] = useState<{ index: number | null; values: WorkerFormValues } | null>(null);

  const rowIssues = (worker: WorkerFormValues, index: number): FilingIssue[] => {
    const own = workerIssues(worker);
    const fromList = listIssues.filter((issue) => issue.path[1] === index && issue.path.length > 2).map((issue) => ({ ...issue, path: issue.path.slice(2) }));
    const seen = new Set(own.map((issue) => `${issue.path.join('.')}:${issue.message}`));
    return [...own, ...fromList.filter((issue) => !seen.has(`${issue.path.join('.')}:${issue.message}`))];
  };
  const wholeListIssues = listIssues.filter((issue) => issue.path.length === 1);

  return (
    <Stack gap="xs" data-testid="worker-list">
      {workers.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('filings.worker.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table fz="sm" verticalSpacing={2} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('filings.worker.fields.citizenId')}</Table.Th>
                <Table.Th>{t('filings.worker.fields.fullName')}</Table.Th>
                <Table.Th>{t('filings.worker.fields.birthDate')}</Table.Th>
                <Table.Th>{t('filings.worker.fields.passportNumber')}</Table.Th>
                <Table.Th>{t('filings.worker.fields.trade')}</Table.Th>
                <Table.Th>{t('filings.worker.fields.wageAmount')}</Table.Th>
                <Table.Th>{t('filings.worker.fields.plannedDeparture')}</Table.Th>
                <Table.Th>{t('filings.worker.check')}</Table.Th>
                {!readOnly && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workers.map((worker, index) => {
                const issues = rowIssues(worker, index);
                return (
                  <Fragment key={index}>
                    <Table.Tr data-testid="worker-row" data-invalid={issues.length > 0}>
                      <Table.Td>{index + 1}</Table.Td>
                      <Table.Td ff="monospace">{worker.citizenId}</Table.Td>
                      <Table.Td>{worker.fullName}</Table.Td>
                      <Table.Td>{worker.birthDate}</Table.Td>
                      <Table.Td>{worker.passport.number}</Table.Td>
                      <Table.Td>{worker.trade}</Table.Td>
                      <Table.Td>{typeof worker.wage.amount === 'number' ? formatMoney(worker.wage.amount, worker.wage.currency || 'VND', language) : ''}</Table.Td>
                      <Table.Td>{worker.plannedDeparture}</Table.Td>
                      <Table.Td>
                        {issues.length === 0 ? (
                          <Badge size="sm" color="green" variant="light">
                            {t('filings.worker.ok')}
                          </Badge>
                        ) : (
                          <Badge size="sm" color="red" variant="light">
                            {t('filings.worker.issueCount', { count: issues.length })}
                          </Badge>
                        )}
                      </Table.Td>
                      {!readOnly && (
                        <Table.Td w={1} style={{ whiteSpace: 'nowrap' }}>
                          <Button
                            size="xs"
                            variant="subtle"
                            leftSection={<IconPencil size={14} />}
                            onClick={() => setEditing({ index, values: worker })}
                            aria-label={t('filings.worker.edit', { row: index + 1 })}
                          >
                            {t('filings.worker.editShort')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            leftSection={<IconTrash size={14} />}
                            onClick={() => onChange(workers.filter((_, i) => i !== index))}
                            aria-label={t('filings.worker.remove', { row: index + 1 })}
                          >
                            {t('filings.worker.removeShort')}
                          </Button>
                        </Table.Td>
                      )}
                    </Table.Tr>
                    {issues.length > 0 && (
                      <Table.Tr data-testid="worker-row-issues">
                        <Table.Td />
                        <Table.Td colSpan={readOnly ? 8 : 9}>
                          <List size="xs" c="red">
                            {issues.map((issue, i) => (
                              <List.Item key={i} data-testid="worker-issue">
                                {workerFieldLabel(t, issue.path.map(String).join('.'))}: {issueText(issue)}
                              </List.Item>
                            ))}
                          </List>
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {wholeListIssues.map((issue, i) => (
        <Text key={i} size="sm" c="red" role="alert" data-testid="workers-error">
          {issueText(issue)}
        </Text>
      ))}
      {!readOnly && (
        <Group align="flex-start">
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setEditing({ index: null, values: emptyWorkerValues(currency) })}>
            {t('filings.worker.add')}
          </Button>
          <WorkerImportButton onImported={(imported) => onChange([...workers, ...imported])} />
        </Group>
      )}
      {editing && (
        <WorkerRowModal
          title={editing.index === null ? t('filings.worker.addTitle') : t('filings.worker.editTitle', { row: editing.index + 1 })}
          initialValues={editing.values}
          checkAtOnce={editing.index !== null}
          onClose={() => setEditing(null)}
          onSave={(worker) => {
            onChange(editing.index === null ? [...workers, worker] : workers.map((w, i) => (i === editing.index ? worker : w)));
            setEditing(null);
          }}
        />
      )}
    </Stack>
  );
}
