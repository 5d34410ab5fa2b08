// A searchable registry of one organisation entity (employers, brokers, branches): pending markers, keyboard
// navigation, create and edit through the entity's form, saved with records:commit (offline-first).
import { Badge, Button, Group, Kbd, Loader, Paper, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitInput, LocalRecord } from '../../../../src-common/contract';
import { uuidv7 } from '../../../../src-common/domain/uuidv7';
import { useBridge } from '../../bridge/BridgeContext';
import { ErrorPanel } from '../../components/ErrorPanel';
import { ExportExcelButton } from '../../components/ExportExcelButton';
import { useCommitRecord, useRecordList } from '../../data/use-records';
import { formatInteger } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';
import { hotkeyLabel } from '../../shell/areas';

const PAGE_SIZE = 100;
const addHotkey = 'alt+N';

/** The registries and their upsert kinds; the i18n branch of each has the same keys (see employers in vi.ts). */
const registries = {
  employer: { kind: 'employer.upsert', texts: 'employers' },
  broker: { kind: 'broker.upsert', texts: 'enterprise.brokers' },
  branch: { kind: 'branch.upsert', texts: 'enterprise.branches' },
} as const;
export type RegistryEntity = keyof typeof registries;

export interface RegistryColumn<V> {
  header: string;
  cell: (values: V) => ReactNode;
  strong?: boolean;
}

/** What the registry hands the entity's form modal. */
export interface RegistryFormProps<V, F> {
  opened: true;
  title: string;
  initialValues: V;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (fields: F) => void;
  onClose: () => void;
}

export interface RecordRegistryProps<V, F> {
  entity: RegistryEntity;
  canEdit: boolean;
  columns: RegistryColumn<V>[];
  emptyValues: V;
  valuesFrom: (data: unknown) => V;
  /** The record's name, for the edit form's title. */
  nameOf: (values: V) => string;
  renderForm: (props: RegistryFormProps<V, F>) => ReactNode;
}

interface Editing<V> {
  /** Null for a new record: the id is made when it is first saved. */
  id: string | null;
  values: V;
}

export function RecordRegistry<V, F>({ entity, canEdit, columns, emptyValues, valuesFrom, nameOf, renderForm }: RecordRegistryProps<V, F>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { kind, texts } = registries[entity];
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 200);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const list = useRecordList({ entity, search: debouncedSearch, limit, offset: 0 });
  const commit = useCommitRecord();
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<Editing<V> | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const bridge = useBridge();

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  useEffect(() => setSelected((index) => Math.min(index, Math.max(0, rows.length - 1))), [rows.length]);
  useEffect(() => setLimit(PAGE_SIZE), [debouncedSearch]);

  const openCreate = () => {
    // Alt+N while a form is open must not throw away what is being typed there.
    if (!canEdit || editing) return;
    commit.reset();
    setEditing({ id: null, values: emptyValues });
  };
  const openEdit = (record: LocalRecord) => {
    if (!canEdit) return;
    commit.reset();
    setEditing({ id: record.id, values: valuesFrom(record.data) });
  };
  const close = () => {
    setEditing(null);
    tableRef.current?.focus();
  };
  const save = (fields: F) => {
    if (!editing) return;
    // Record ids are UUIDv7 (time-ordered), as the glossary of the sync design has them.
    const id = editing.id ?? uuidv7();
    // The registry's kind takes this entity's fields (checked again by core against the kind's schema).
    commit.mutate({ kind, payload: { id, fields } } as CommitInput, { onSuccess: close });
  };

  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    [addHotkey, openCreate],
  ]);
  const addKeys = hotkeyLabel(addHotkey);

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (rows.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'j') {
      event.preventDefault();
      setSelected((index) => Math.min(rows.length - 1, index + 1));
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      event.preventDefault();
      setSelected((index) => Math.max(0, index - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const record = rows[selected];
      if (record) openEdit(record);
    }
  };

  const hintId = `${entity}-keyboard-hint`;
  return (
    <Paper withBorder radius="sm" p="md">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <div>
          <Title order={3} fz="md">
            {t(`${texts}.title`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`${texts}.intro`)}
          </Text>
        </div>
        <Group gap="sm">
          <ExportExcelButton
            testId={`${entity}-export`}
            disabled={total === 0}
            run={() => bridge.invoke('records:export', { entity, ...(debouncedSearch ? { search: debouncedSearch } : {}) })}
          />
          {canEdit && (
            <Tooltip label={t('common.shortcut', { keys: addKeys })}>
              <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
                {t(`${texts}.add`)}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Group>

      <Group gap="sm" mb="xs" align="flex-end" wrap="wrap">
        <TextInput
          ref={searchRef}
          w={360}
          label={t(`${texts}.search`)}
          placeholder={t(`${texts}.searchPlaceholder`)}
          leftSection={<IconSearch size={16} />}
          rightSection={list.isFetching ? <Loader size={14} /> : <Kbd size="xs">/</Kbd>}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              tableRef.current?.focus();
            } else if (event.key === 'Escape') {
              setSearch('');
            }
          }}
        />
        <Text size="sm" c="dimmed" role="status" data-testid={`${entity}-count`}>
          {t(`${texts}.count`, { number: formatInteger(total, language) })}
        </Text>
        {!canEdit && (
          <Text size="sm" c="dimmed">
            {t(`${texts}.readOnly`)}
          </Text>
        )}
      </Group>

      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">
          {debouncedSearch ? t(`${texts}.noMatch`, { search: debouncedSearch }) : t(`${texts}.empty`)}
        </Text>
      ) : (
        <>
          <div
            ref={tableRef}
            tabIndex={0}
            role="group"
            aria-label={t(`${texts}.title`)}
            aria-describedby={hintId}
            onKeyDown={onListKey}
            style={{ outlineOffset: 2 }}
          >
            <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid={`${entity}-table`}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column.header}>{column.header}</Table.Th>
                  ))}
                  <Table.Th>{t('employers.columns.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((record, index) => {
                  const values = valuesFrom(record.data);
                  const isSelected = index === selected;
                  return (
                    <Table.Tr
                      key={record.id}
                      data-testid={`${entity}-row`}
                      data-id={record.id}
                      data-pending={record.pending}
                      aria-selected={isSelected}
                      bg={isSelected ? 'var(--mantine-primary-color-light)' : undefined}
                      style={{ cursor: canEdit ? 'pointer' : undefined }}
                      onClick={() => {
                        setSelected(index);
                        openEdit(record);
                      }}
                    >
                      {columns.map((column) => (
                        <Table.Td key={column.header} fw={column.strong ? 500 : undefined}>
                          {column.cell(values)}
                        </Table.Td>
                      ))}
                      <Table.Td>
                        {record.pending && (
                          <Tooltip label={t('employers.pendingHint')}>
                            <Badge size="sm" color="blue" variant="light" data-testid="pending-marker">
                              {t('employers.pending')}
                            </Badge>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
          <Group justify="space-between" mt="xs">
            <Text id={hintId} size="xs" c="dimmed">
              {t('employers.keyboardHint')}
            </Text>
            {rows.length < total && (
              <Group gap="sm">
                <Text size="xs" c="dimmed">
                  {t('employers.showing', { shown: formatInteger(rows.length, language), total: formatInteger(total, language) })}
                </Text>
                <Button size="xs" variant="default" onClick={() => setLimit((value) => Math.min(500, value + PAGE_SIZE))} disabled={limit >= 500}>
                  {t('employers.more')}
                </Button>
              </Group>
            )}
          </Group>
        </>
      )}

      {editing &&
        renderForm({
          opened: true,
          title: editing.id ? t(`${texts}.editTitle`, { name: nameOf(editing.values) }) : t(`${texts}.createTitle`),
          initialValues: editing.values,
          submitLabel: t('employers.save'),
          pending: commit.isPending,
          error: commit.error,
          onSubmit: save,
          onClose: close,
        })}
    </Paper>
  );
}
