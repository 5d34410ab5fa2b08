// Vault status, setup and unlock: the calls made before the store is open.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-common/contract';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys } from './query-keys';

export function useVaultStatus() {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.vaultStatus,
    queryFn: () => callContract(bridge, 'vault:status', {}),
    staleTime: Infinity,
  });
}

export function useVaultSetup() {
  const bridge = useBridge();
  // The status is not written to the cache here: the gate must first show the recovery key.
  return useMutation({
    mutationFn: (input: MethodInput<'vault:setup'>) => callContract(bridge, 'vault:setup', input),
  });
}

export function useVaultUnlock() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'vault:unlock'>) => callContract(bridge, 'vault:unlock', input),
    onSuccess: (status) => queryClient.setQueryData(queryKeys.vaultStatus, status),
  });
}
