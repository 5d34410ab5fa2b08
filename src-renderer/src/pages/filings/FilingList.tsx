// The enterprise's filings as a virtualised, keyboard-first list: ↑/↓ or j/k move, Enter opens, Space
// marks drafts for "Ký và nộp" (Ctrl+Enter), / searches (diacritics folded by the core), n starts a
// contract registration. Type is filtered by the core; state on the loaded rows (the contract has no
// state filter), and both filters are kept per account.
import { Badge, Button, Checkbox, Group, Kbd, Loader, Paper, Select, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue, useHotkeys, useLocalStorage } from '@mantine/hooks';
import { IconPlus, IconSearch, IconSignature } from '@tabler/icons-react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { filingStates, type FilingListRow, type FilingState } from '../../../../src-common/contract';
import { filingTypes, type FilingType } from '../../../../src-common/portal-api/filings';
import { useBridge } from '../../bridge/BridgeContext';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportExcelButton } from '../../components/ExportExcelButton';
import { useFilingList } from '../../data/use-filings';
import { formatDateTime, formatInteger } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';
import { hotkeyLabel } from '../../shell/areas';
import { FilingStateBadge, ReceiptStatusBadge } from './FilingStateBadge';

export type FilingRef = { filingId: string; version: number; title: string };

const rowHeight = 40;
const refOf = (row: FilingListRow) => `${row.filingId}:${row.version}`;
/** What "Ký và nộp" takes: versions not yet sent. */
export const isSignable = (state: FilingState) => state === 'draft' || state === 'signed';
const columns = '28px minmax(220px, 3fr) minmax(150px, 2fr) 48px 150px 150px 130px';

/** Before the list is laid out (height 0), a screenful of rows rather than none. */
function rectOrScreenful(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: 20 * rowHeight }));
}

interface Filters {
  type: FilingType | null;
  state: FilingState | null;
}

export function FilingList({
  accountId,
  canFile,
  onOpen,
  onNew,
  onSign,
}: {
  accountId: string;
  canFile: boolean;
  onOpen: (row: FilingListRow) => void;
  onNew: () => void;
  onSign: (filings: FilingRef[]) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 200);
  const [filters, setFilters] = useLocalStorage<Filters>({
    key: `labordesk.filings.filters.${accountId}`,
    defaultValue: { type: null, state: null },
    getInitialValueInEffect: false,
  });
  const list = useFilingList(debouncedSearch, filters.type);
  const loaded = useMemo(() => list.data?.pages.flatMap((page) => page.rows) ?? [], [list.data]);
  const rows = useMemo(() => (filters.state ? loaded.filter((row) => row.state === filters.state) : loaded), [loaded, filters.state]);
  const total = list.data?.pages[0]?.total ?? 0;
  const [active, setActive] = useState(0);
  const [marked, setMarked] = useState<Map<string, FilingRef>>(new Map());
  const searchRef = useRef<HTMLInputElement>(null);
  const bridge = useBridge();
  const listRef = useRef<HTMLDivElement>(null);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    observeElementRect: rectOrScreenful,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;
  useEffect(() => {
    if (lastIndex >= rows.length - 20 && list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, [lastIndex, rows.length, list.hasNextPage, list.isFetchingNextPage]);
  useEffect(() => setActive((index) => Math.min(index, Math.max(0, rows.length - 1))), [rows.length]);
  // A filing that was sent (or is no longer listed) cannot stay marked for signing.
  useEffect(() => {
    setMarked((current) => {
      const signable = new Set(loaded.filter((row) => isSignable(row.state)).map(refOf));
      const kept = new Map([...current].filter(([key]) => signable.has(key)));
      return kept.size === current.size ? current : kept;
    });
  }, [loaded]);

  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const toggle = (row: FilingListRow) => {
    if (!canFile || !isSignable(row.state)) return;
    setMarked((current) => {
      const next = new Map(current);
      if (next.has(refOf(row))) next.delete(refOf(row));
      else next.set(refOf(row), { filingId: row.filingId, version: row.version, title: row.title });
      return next;
    });
  };
  const signMarked = () => {
    if (!canFile) return;
    const chosen = [...marked.values()];
    const current = rows[active];
    // Nothing marked: Ctrl+Enter signs the draft under the cursor.
    if (chosen.length === 0 && current && isSignable(current.state)) chosen.push({ filingId: current.filingId, version: current.version, title: current.title });
    if (chosen.length > 0) onSign(chosen);
  };

  const signKeys = 'mod+Enter';
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['n', () => canFile && onNew()],
    [signKeys, signMarked],
  ]);

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    const key = event.key;
    if ((key === 'Enter' && (event.ctrlKey || event.metaKey)) || key === 'n' || key === '/') return; // page shortcuts
    if (key === 'ArrowDown' || key === 'j') moveTo(active + 1);
    else if (key === 'ArrowUp' || key === 'k') moveTo(active - 1);
    else if (key === 'Home') moveTo(0);
    else if (key === 'End') moveTo(rows.length - 1);
    else if (key === 'PageDown') moveTo(active + 10);
    else if (key === 'PageUp') moveTo(active - 10);
    else if (key === 'Enter' && rows[active]) onOpen(rows[active]);
    else if (key === ' ' && rows[active]) toggle(rows[active]);
    else return;
    event.preventDefault();
  };

  const typeOptions = filingTypes.map((type) => ({ value: type, label: t(`filings.types.${type}`) }));
  const stateOptions = filingStates.map((state) => ({ value: state, label: t(`filings.states.${state}`) }));
  const activeRow = rows[active];

  return (
    <Paper withBorder radius="sm" p="md">
      <Group gap="sm" mb="xs" align="flex-end" wrap="wrap">
        <TextInput
          ref={searchRef}
          w={320}
          label={t('filings.list.search')}
          placeholder={t('filings.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={list.isFetching ? <Loader size={14} /> : <Kbd size="xs">/</Kbd>}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              listRef.current?.focus();
            } else if (event.key === 'Escape') {
              setSearch('');
            }
          }}
        />
        <Select
          w={240}
          label={t('filings.list.type')}
          placeholder={t('filings.list.anyType')}
          data={typeOptions}
          value={filters.type}
          clearable
          onChange={(value) => setFilters((current) => ({ ...current, type: (value as FilingType | null) ?? null }))}
        />
        <Select
          w={200}
          label={t('filings.list.state')}
          placeholder={t('filings.list.anyState')}
          data={stateOptions}
          value={filters.state}
          clearable
          onChange={(value) => setFilters((current) => ({ ...current, state: (value as FilingState | null) ?? null }))}
        />
        <Text size="sm" c="dimmed" role="status" data-testid="filing-count">
          {filters.state
            ? t('filings.list.countFiltered', { shown: formatInteger(rows.length, language), loaded: formatInteger(loaded.length, language) })
            : t('filings.list.count', { number: formatInteger(total, language) })}
        </Text>
        <Group gap="sm" ml="auto">
          <ExportExcelButton
            testId="filings-export"
            run={() => bridge.invoke('filings:export', { ...(debouncedSearch ? { search: debouncedSearch } : {}), ...(filters.type ? { type: filters.type } : {}) })}
          />
          {canFile && (
            <Tooltip label={t('common.shortcut', { keys: hotkeyLabel(signKeys) })}>
              <Button variant="light" leftSection={<IconSignature size={16} />} onClick={signMarked} disabled={marked.size === 0} data-testid="sign-marked">
                {marked.size > 0 ? t('filings.list.signMarked', { count: marked.size }) : t('filings.signAndSubmit')}
              </Button>
            </Tooltip>
          )}
          {canFile && (
            <Tooltip label={t('common.shortcut', { keys: 'N' })}>
              <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
                {t('filings.list.new')}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>

      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" data-testid="filing-empty">
          {debouncedSearch ? t('filings.list.noMatch', { search: debouncedSearch }) : filters.type || filters.state ? t('filings.list.noneFiltered') : t('filings.list.empty')}
        </Text>
      ) : (
        <>
          <div role="presentation" style={{ display: 'grid', gridTemplateColumns: columns, gap: 8, padding: '4px 8px' }}>
            <span />
            {(['title', 'type', 'version', 'state', 'receipt', 'updatedAt'] as const).map((column) => (
              <Text key={column} size="xs" fw={600} c="dimmed">
                {t(`filings.list.columns.${column}`)}
              </Text>
            ))}
          </div>
          <div
            ref={listRef}
            tabIndex={0}
            role="listbox"
            aria-label={t('filings.list.label')}
            aria-multiselectable
            aria-activedescendant={activeRow ? `filing-row-${refOf(activeRow)}` : undefined}
            aria-describedby="filing-keyboard-hint"
            onKeyDown={onListKey}
            data-testid="filing-list"
            style={{ height: 'min(60vh, 640px)', overflow: 'auto', outlineOffset: 2 }}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const row = rows[item.index]!;
                const isActive = item.index === active;
                const isMarked = marked.has(refOf(row));
                return (
                  <div
                    key={refOf(row)}
                    id={`filing-row-${refOf(row)}`}
                    role="option"
                    aria-selected={isMarked}
                    aria-current={isActive || undefined}
                    data-testid="filing-row"
                    data-filing-id={row.filingId}
                    data-version={row.version}
                    data-active={isActive}
                    onClick={() => setActive(item.index)}
                    onDoubleClick={() => onOpen(row)}
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: item.size,
                      transform: `translateY(${item.start}px)`,
                      display: 'grid',
                      gridTemplateColumns: columns,
                      gap: 8,
                      alignItems: 'center',
                      padding: '0 8px',
                      cursor: 'pointer',
                      borderBottom: '1px solid var(--mantine-color-default-border)',
                      background: isActive ? 'var(--mantine-primary-color-light)' : undefined,
                    }}
                  >
                    {canFile && isSignable(row.state) ? (
                      <Checkbox
                        size="xs"
                        tabIndex={-1}
                        checked={isMarked}
                        onChange={() => toggle(row)}
                        onClick={(event) => event.stopPropagation()}
                        aria-label={t('filings.list.mark', { title: row.title })}
                      />
                    ) : (
                      <span />
                    )}
                    <Text size="sm" fw={500} truncate="end" data-testid="filing-title">
                      {row.title}
                    </Text>
                    <Text size="sm" truncate="end">
                      {t(`filings.types.${row.type}`)}
                    </Text>
                    <Badge size="sm" variant="outline" color="gray">
                      {row.version}
                    </Badge>
                    <div>
                      <FilingStateBadge state={row.state} />
                    </div>
                    <div>{row.receiptStatus && <ReceiptStatusBadge status={row.receiptStatus} />}</div>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(row.updatedAt, language)}
                    </Text>
                  </div>
                );
              })}
            </div>
          </div>
          <Group justify="space-between" mt="xs">
            <Text id="filing-keyboard-hint" size="xs" c="dimmed">
              {canFile ? t('filings.list.keyboardHint') : t('filings.list.keyboardHintReadOnly')}
            </Text>
            {list.isFetchingNextPage && <Loader size={14} aria-label={t('common.loading')} />}
          </Group>
        </>
      )}
    </Paper>
  );
}
