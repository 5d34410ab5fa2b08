// Feeds pushed events into the query cache, so every screen shows a change made anywhere.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { queryKeys } from './query-keys';
import { applySessionStatus } from './use-session';

export function useContractEvents(): void {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  useEffect(() => {
    const unsubscribers = [
      bridge.subscribe('settings:changed', (settings) => {
        queryClient.setQueryData(queryKeys.settings, settings);
        // A settings change is audited: the About page's log is stale now.
        void queryClient.invalidateQueries({ queryKey: queryKeys.audit });
      }),
      bridge.subscribe('vault:changed', (status) => {
        queryClient.setQueryData(queryKeys.vaultStatus, status);
      }),
      bridge.subscribe('session:changed', (status) => applySessionStatus(queryClient, status)),
      bridge.subscribe('sync:changed', (status) => {
        queryClient.setQueryData(queryKeys.syncStatus, status);
        // Attempts and the needs-attention list change with the status; only open screens refetch.
        void queryClient.invalidateQueries({ queryKey: queryKeys.sync, predicate: (query) => query.queryKey[1] !== 'status' });
      }),
      bridge.subscribe('records:changed', ({ entities }) => {
        for (const entity of entities) void queryClient.invalidateQueries({ queryKey: queryKeys.recordsOf(entity) });
      }),
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [bridge, queryClient]);
}
