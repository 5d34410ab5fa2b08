// The foreign-employer registry ("chủ sử dụng"): searchable list with pending markers, create and edit.
import { Badge, Button, Group, Kbd, Loader, Paper, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalRecord } from '../../../../src-common/contract';
import type { EmployerFields } from '../../../../src-common/domain/organisation';
import { uuidv7 } from '../../../../src-common/domain/uuidv7';
import { ErrorPanel } from '../../components/ErrorPanel';
import { useCommitRecord, useRecordList } from '../../data/use-records';
import { countryName } from '../../format/countries';
import { hotkeyLabel } from '../../shell/areas';
import { formatInteger } from '../../format/format';
import { useLanguage } from '../../i18n/use-language';
import { EmployerFormModal } from './EmployerFormModal';
import { emptyEmployerValues, employerValuesFrom, type EmployerFormValues } from './employer-form';

const PAGE_SIZE = 100;
const addHotkey = 'alt+N';

interface Editing {
  /** Null for a new employer: the id is made when it is first saved. */
  id: string | null;
  values: EmployerFormValues;
}

export function EmployerRegistry({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 200);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const list = useRecordList({ entity: 'employer', search: debouncedSearch, limit, offset: 0 });
  const commit = useCommitRecord();
  const [selected, setSelected] = useState(0);
  const [editing, setEditing] = useState<Editing | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  useEffect(() => setSelected((index) => Math.min(index, Math.max(0, rows.length - 1))), [rows.length]);
  useEffect(() => setLimit(PAGE_SIZE), [debouncedSearch]);

  const openCreate = () => {
    // Alt+N while a form is open must not throw away what is being typed there.
    if (!canEdit || editing) return;
    commit.reset();
    setEditing({ id: null, values: { ...emptyEmployerValues } });
  };
  const openEdit = (record: LocalRecord) => {
    if (!canEdit) return;
    commit.reset();
    setEditing({ id: record.id, values: employerValuesFrom(record.data) });
  };
  const save = (fields: EmployerFields) => {
    if (!editing) return;
    // Record ids are UUIDv7 (time-ordered), as the glossary of the sync design has them.
    const id = editing.id ?? uuidv7();
    commit.mutate(
      { kind: 'employer.upsert', payload: { id, fields } },
      {
        onSuccess: () => {
          setEditing(null);
          tableRef.current?.focus();
        },
      },
    );
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

  return (
    <Paper withBorder radius="sm" p="md">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <div>
          <Title order={3} fz="md">
            {t('employers.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('employers.intro')}
          </Text>
        </div>
        {canEdit && (
          <Tooltip label={t('common.shortcut', { keys: addKeys })}>
            <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
              {t('employers.add')}
            </Button>
          </Tooltip>
        )}
      </Group>

      <Group gap="sm" mb="xs" align="flex-end" wrap="wrap">
        <TextInput
          ref={searchRef}
          w={360}
          label={t('employers.search')}
          placeholder={t('employers.searchPlaceholder')}
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
        <Text size="sm" c="dimmed" role="status" data-testid="employer-count">
          {t('employers.count', { number: formatInteger(total, language) })}
        </Text>
        {!canEdit && (
          <Text size="sm" c="dimmed">
            {t('employers.readOnly')}
          </Text>
        )}
      </Group>

      {list.isError ? (
        <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="md">
          {debouncedSearch ? t('employers.noMatch', { search: debouncedSearch }) : t('employers.empty')}
        </Text>
      ) : (
        <>
          <div
            ref={tableRef}
            tabIndex={0}
            role="group"
            aria-label={t('employers.title')}
            aria-describedby="employer-keyboard-hint"
            onKeyDown={onListKey}
            style={{ outlineOffset: 2 }}
          >
            <Table striped highlightOnHover verticalSpacing={4} fz="sm" data-testid="employer-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('employers.columns.name')}</Table.Th>
                  <Table.Th>{t('employers.columns.country')}</Table.Th>
                  <Table.Th>{t('employers.columns.registrationNumber')}</Table.Th>
                  <Table.Th>{t('employers.columns.sector')}</Table.Th>
                  <Table.Th>{t('employers.columns.phone')}</Table.Th>
                  <Table.Th>{t('employers.columns.state')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((record, index) => {
                  const values = employerValuesFrom(record.data);
                  const isSelected = index === selected;
                  return (
                    <Table.Tr
                      key={record.id}
                      data-testid="employer-row"
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
                      <Table.Td fw={500}>{values.name}</Table.Td>
                      <Table.Td>{values.country ? countryName(values.country, language) : ''}</Table.Td>
                      <Table.Td>{values.registrationNumber}</Table.Td>
                      <Table.Td>{values.sector}</Table.Td>
                      <Table.Td>{values.phone}</Table.Td>
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
            <Text id="employer-keyboard-hint" size="xs" c="dimmed">
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

      {editing && (
        <EmployerFormModal
          key={editing.id ?? 'new'}
          opened
          title={editing.id ? t('employers.editTitle', { name: editing.values.name }) : t('employers.createTitle')}
          initialValues={editing.values}
          submitLabel={t('employers.save')}
          pending={commit.isPending}
          error={commit.error}
          onSubmit={save}
          onClose={() => {
            setEditing(null);
            tableRef.current?.focus();
          }}
        />
      )}
    </Paper>
  );
}
