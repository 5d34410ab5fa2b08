// The workers list is virtualised: with 2,000 workers only the rows around the view are in the page
// (workers:list answered by a fake bridge: a layout test, the data paths are in workers-abroad.test).
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaborDeskBridge, WorkerAbroadRow } from '../../src-common/contract';
import { BridgeProvider } from '../../src-renderer/src/bridge/BridgeContext';
import { i18n, initI18n } from '../../src-renderer/src/i18n/i18n';
import { WorkersPage } from '../../src-renderer/src/pages/workers/WorkersPage';

const rows: WorkerAbroadRow[] = Array.from({ length: 2000 }, (_, i) => ({
  citizenId: `0010950${String(i).padStart(5, '0')}`,
  fullName: `Nguyễn Văn ${i}`,
  registrationFilingId: '0193b7a0-0000-7000-8000-000000000001',
  registrationTitle: 'Hợp đồng cung ứng 01/2026',
  hostCountry: 'JP',
  status: 'abroad',
  lastEvent: { type: 'departed', date: '2026-07-02' },
  unreportedEvents: 0,
  contractEndsOn: '2029-06-30',
  liquidationFiled: false,
}));

afterEach(cleanup);

describe('workers list', () => {
  it('renders only a window of 2,000 rows', async () => {
    if (i18n.isInitialized) void i18n.changeLanguage('vi');
    else initI18n('vi');
    const bridge: LaborDeskBridge = {
      invoke: (async (method: string) =>
        method === 'workers:list' ? { ok: true, value: { rows } } : method === 'workers:due' ? { ok: true, value: { items: [] } } : { ok: false, error: { code: 'NOT_FOUND', message: '' } }) as LaborDeskBridge['invoke'],
      subscribe: (() => () => undefined) as LaborDeskBridge['subscribe'],
    };
    render(
      <MantineProvider>
        <QueryClientProvider client={new QueryClient()}>
          <BridgeProvider bridge={bridge}>
            <WorkersPage />
          </BridgeProvider>
        </QueryClientProvider>
      </MantineProvider>,
    );
    await screen.findByTestId('workers-table');
    const shown = screen.getAllByTestId('worker-abroad-row');
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(60);
    expect(shown[0]!.getAttribute('data-citizen-id')).toBe(rows[0]!.citizenId);
  });
});
