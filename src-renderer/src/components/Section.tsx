// A titled panel of a page (About, Sync): small upper-case heading, optional actions on the right.
import { Group, Paper, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function Section({ title, actions, children, testId }: { title: string; actions?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="sm" p="md" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="sm" fw={600} tt="uppercase" c="dimmed">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  );
}
