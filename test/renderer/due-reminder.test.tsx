// The navigation's reminder of legal deadlines: "Người lao động" carries the count of items overdue or due
// within 7 days (from workers:due, answered here by a fake bridge), and nothing when none is close.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LaborDeskBridge } from '../../src-common/contract';
import { BridgeProvider } from '../../src-renderer/src/bridge/BridgeContext';
import { i18n, initI18n } from '../../src-renderer/src/i18n/i18n';
import { NavigationMenu } from '../../src-renderer/src/shell/NavigationMenu';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const item = (dueOn: string, overdue: boolean) => ({ kind: 'liquidation', subject: {}, dueOn, overdue, title: 'Thanh lý hợp đồng', basis: '' });

function renderMenu(items: ReturnType<typeof item>[]) {
  if (i18n.isInitialized) void i18n.changeLanguage('vi');
  else initI18n('vi');
  const bridge: LaborDeskBridge = {
    invoke: (async (method: string) => (method === 'workers:due' ? { ok: true, value: { items } } : { ok: false, error: { code: 'NOT_FOUND', message: '' } })) as LaborDeskBridge['invoke'],
    subscribe: (() => () => undefined) as LaborDeskBridge['subscribe'],
  };
  return render(
    <MantineProvider>
      <QueryClientProvider client={new QueryClient()}>
        <BridgeProvider bridge={bridge}>
          <NavigationMenu current="contracts" />
        </BridgeProvider>
      </QueryClientProvider>
    </MantineProvider>,
  );
}

afterEach(cleanup);

describe('due reminder in the navigation', () => {
  it('counts what is overdue or due within a week on Người lao động', async () => {
    renderMenu([item(day(-3), true), item(day(2), false), item(day(30), false)]);
    const badge = await screen.findByTestId('due-reminder');
    expect(badge.textContent).toBe('2');
    expect(badge.getAttribute('aria-label')).toBe('2 việc phải làm quá hạn hoặc đến hạn trong 7 ngày tới');
    expect(badge.closest('a')?.textContent).toContain('Người lao động');
  });

  it('shows nothing when every deadline is further away', async () => {
    renderMenu([item(day(30), false)]);
    await screen.findByText('Người lao động');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('due-reminder')).toBeNull();
  });
});
