// Feeds pushed events into the query cache, so every screen shows a change made anywhere.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useBridge } from '../bridge/BridgeContext';
import { queryKeys } from './query-keys';

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
    ];
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, [bridge, queryClient]);
}
