// A dense two-column table of labelled values, as the About page's facts are shown.
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export interface KeyValueRow {
  label: string;
  value: ReactNode;
}

export function KeyValueTable({ rows }: { rows: KeyValueRow[] }) {
  return (
    <Table verticalSpacing={6} horizontalSpacing="sm" fz="sm" layout="fixed">
      <Table.Tbody>
        {rows.map(({ label, value }) => (
          <Table.Tr key={label}>
            <Table.Th w="40%" fw={500} c="dimmed">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
