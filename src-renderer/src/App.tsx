// The root component: theme, query cache and bridge providers around the vault gate and the app.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { LaborDeskBridge } from '../../src-common/contract';
import { BridgeProvider } from './bridge/BridgeContext';
import { useContractEvents } from './data/use-contract-events';
import { MissingTokenScreen } from './shell/MissingTokenScreen';
import { OpenApp } from './shell/OpenApp';
import { theme } from './theme';
import { VaultGate } from './vault/VaultGate';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Calls are local and errors are coded: retrying a VALIDATION_FAILED or STORE_LOCKED changes nothing.
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/** `bridge` is null when browser mode was opened without its token. */
export function App({ bridge }: { bridge: LaborDeskBridge | null }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      {bridge ? (
        <QueryClientProvider client={queryClient}>
          <BridgeProvider bridge={bridge}>
            <ContractEvents />
            <VaultGate>
              <OpenApp />
            </VaultGate>
          </BridgeProvider>
        </QueryClientProvider>
      ) : (
        <MissingTokenScreen />
      )}
    </MantineProvider>
  );
}

function ContractEvents() {
  useContractEvents();
  return null;
}
