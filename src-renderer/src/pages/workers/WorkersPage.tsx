// "Người lao động" (enterprise side): the workers of the registered contracts with their status from the
// events recorded (workers:list), search and a status filter, per worker "Ghi nhận sự kiện" and, once
// back, "Thanh lý hợp đồng"; both end in "Ký và nộp" through the filings' signing dialog. The due board
// (workers:due) sits above the list.
import { Badge, Button, Group, Loader, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconCalendarEvent, IconFileCheck, IconSearch } from '@tabler/icons-react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkerAbroadRow } from '../../../../src-common/contract';
import { workerStatuses, type WorkerStatus } from '../../../../src-common/domain/overseas/worker-events';
import { useBridge } from '../../bridge/BridgeContext';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportExcelButton } from '../../components/ExportExcelButton';
import { PageHeader } from '../../components/PageHeader';
import { useWorkersAbroad } from '../../data/use-workers';
import { countryName } from '../../format/countries';
import { useLanguage } from '../../i18n/use-language';
import { newTaskId } from '../signing/BatchSigningDialog';
import type { FilingRef } from '../filings/FilingList';
import { FilingsSigningDialog, type FilingsToSign } from '../filings/FilingsSigningDialog';
import { isoToDateInput } from '../filings/registration-form-model';
import { DueBoard } from './DueBoard';
import { LiquidationDialog } from './LiquidationDialog';
import { eventTypesFor, WorkerEventDialog } from './WorkerEventDialog';

/** Status colours as everywhere: grey not started, blue under way, orange needs attention, green done, red gone. */
export const workerStatusColors: Record<WorkerStatus, string> = {
  notDeparted: 'gray',
  abroad: 'blue',
  absconded: 'orange',
  returned: 'green',
  returnedEarly: 'yellow',
  deceased: 'red',
};

export function WorkerStatusBadge({ status }: { status: WorkerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      size="sm"
      variant="light"
      color={workerStatusColors[status]}
      data-testid="worker-status"
      data-status={status}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`workers.statuses.${status}`)}
    </Badge>
  );
}

/** Who can be liquidated: back home (or deceased), and not liquidated yet. */
/** A worker row's usual height: rows stay in the table's flow, so a taller one only shifts the spacers a little. */
const workerRowHeight = 56;

/** Before the list is laid out (height 0), a screenful of rows rather than none. */
function rectOrScreenful(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: 20 * workerRowHeight }));
}

export const canLiquidate = (row: WorkerAbroadRow) =>
  !row.liquidationFiled && (row.status === 'returned' || row.status === 'returnedEarly' || row.status === 'deceased');

export function WorkersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [status, setStatus] = useState<WorkerStatus | null>(null);
  const [eventFor, setEventFor] = useState<WorkerAbroadRow | null>(null);
  const [liquidationFor, setLiquidationFor] = useState<WorkerAbroadRow | null>(null);
  const [signing, setSigning] = useState<FilingsToSign | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const workers = useWorkersAbroad(debounced, status);
  useHotkeys([['/', () => searchRef.current?.focus()]]);
  const bridge = useBridge();

  const sign = (filings: FilingRef[]) => {
    setEventFor(null);
    setLiquidationFor(null);
    setSigning({ id: newTaskId(), filings });
  };
  const rows = workers.data?.rows ?? [];
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => workerRowHeight,
    overscan: 10,
    observeElementRect: rectOrScreenful,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const padTop = virtualRows[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (virtualRows.at(-1)?.end ?? 0));

  return (
    <>
      <PageHeader title={t('workers.title')} description={t('workers.intro')} />
      <Stack gap="md">
        <DueBoard />
        <Stack gap="sm">
          <Group gap="sm" align="flex-end">
            <TextInput
              ref={searchRef}
              label={t('workers.search')}
              placeholder={t('workers.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={340}
            />
            <Select
              label={t('workers.status')}
              placeholder={t('workers.anyStatus')}
              clearable
              data={workerStatuses.map((s) => ({ value: s, label: t(`workers.statuses.${s}`) }))}
              value={status}
              onChange={(value) => setStatus((value as WorkerStatus | null) ?? null)}
              w={240}
            />
            <Text size="sm" c="dimmed" mb={8} data-testid="worker-count">
              {t('workers.count', { count: rows.length })}
            </Text>
            <Group ml="auto">
              <ExportExcelButton
                testId="workers-export"
                disabled={rows.length === 0}
                run={() => bridge.invoke('workers:export', { ...(debounced ? { search: debounced } : {}), ...(status ? { status } : {}) })}
              />
            </Group>
          </Group>
          {workers.isPending ? (
            <Loader size="sm" aria-label={t('common.loading')} />
          ) : workers.isError ? (
            <ErrorPanel error={workers.error} onRetry={() => void workers.refetch()} />
          ) : rows.length === 0 ? (
            <Paper withBorder p="md" radius="sm">
              <Text size="sm" c="dimmed">
                {debounced || status ? t('workers.noMatch') : t('workers.empty')}
              </Text>
            </Paper>
          ) : (
            // Virtualised: only the rows in view (and a few around) are in the page, whatever the list's size.
            <div ref={scrollRef} style={{ maxHeight: '65vh', overflow: 'auto' }} data-testid="workers-scroll">
              <Table fz="sm" verticalSpacing={4} striped highlightOnHover miw={900} stickyHeader data-testid="workers-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('workers.columns.fullName')}</Table.Th>
                    <Table.Th>{t('workers.columns.citizenId')}</Table.Th>
                    <Table.Th>{t('workers.columns.registration')}</Table.Th>
                    <Table.Th>{t('workers.columns.hostCountry')}</Table.Th>
                    <Table.Th>{t('workers.columns.status')}</Table.Th>
                    <Table.Th>{t('workers.columns.lastEvent')}</Table.Th>
                    <Table.Th>{t('workers.columns.contractEndsOn')}</Table.Th>
                    <Table.Th>{t('workers.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {padTop > 0 && (
                    <tr aria-hidden style={{ height: padTop }}>
                      <td colSpan={8} />
                    </tr>
                  )}
                  {virtualRows.map((virtualRow) => {
                    const row = rows[virtualRow.index]!;
                    return (
                    <Table.Tr
                      key={`${row.registrationFilingId}:${row.citizenId}`}
                      data-index={virtualRow.index}
                      data-testid="worker-abroad-row"
                      data-citizen-id={row.citizenId}
                      data-status={row.status}
                    >
                      <Table.Td fw={500}>{row.fullName}</Table.Td>
                      <Table.Td ff="monospace">{row.citizenId}</Table.Td>
                      <Table.Td>{row.registrationTitle}</Table.Td>
                      <Table.Td>{row.hostCountry ? countryName(row.hostCountry, language) : ''}</Table.Td>
                      <Table.Td>
                        <Stack gap={2} align="flex-start">
                          <WorkerStatusBadge status={row.status} />
                          {row.unreportedEvents > 0 && (
                            <Badge size="xs" variant="outline" color="orange" data-testid="worker-unreported" styles={{ label: { overflow: 'visible' } }}>
                              {t('workers.unreported', { count: row.unreportedEvents })}
                            </Badge>
                          )}
                          {row.liquidationFiled && (
                            <Badge size="xs" variant="outline" color="green" data-testid="worker-liquidated" styles={{ label: { overflow: 'visible' } }}>
                              {t('workers.liquidationFiled')}
                            </Badge>
                          )}
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        {row.lastEvent ? `${t(`workers.events.${row.lastEvent.type as 'departed'}`)} · ${isoToDateInput(row.lastEvent.date)}` : ''}
                      </Table.Td>
                      <Table.Td>{row.contractEndsOn ? isoToDateInput(row.contractEndsOn) : ''}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Group gap={4} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            leftSection={<IconCalendarEvent size={14} />}
                            disabled={eventTypesFor(row.status).length === 0}
                            onClick={() => setEventFor(row)}
                            aria-label={t('workers.recordEventFor', { name: row.fullName })}
                          >
                            {t('workers.recordEvent')}
                          </Button>
                          {canLiquidate(row) && (
                            <Button
                              size="xs"
                              variant="light"
                              color="teal"
                              leftSection={<IconFileCheck size={14} />}
                              onClick={() => setLiquidationFor(row)}
                              aria-label={t('workers.liquidateFor', { name: row.fullName })}
                            >
                              {t('workers.liquidate')}
                            </Button>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                    );
                  })}
                  {padBottom > 0 && (
                    <tr aria-hidden style={{ height: padBottom }}>
                      <td colSpan={8} />
                    </tr>
                  )}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </Stack>
      </Stack>
      {eventFor && <WorkerEventDialog worker={eventFor} onClose={() => setEventFor(null)} onSign={sign} />}
      {liquidationFor && <LiquidationDialog worker={liquidationFor} onClose={() => setLiquidationFor(null)} onSign={sign} />}
      <FilingsSigningDialog batch={signing} onClose={() => setSigning(null)} />
    </>
  );
}
