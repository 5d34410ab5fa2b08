// The portal session: status, sign-in, the forced password change and sign-out (session:*).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MethodInput, SessionStatus } from '../../../src-common/contract';
import { useBridge } from '../bridge/BridgeContext';
import { callContract } from '../bridge/contract-call';
import { queryKeys } from './query-keys';

export function useSessionStatus() {
  const bridge = useBridge();
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: () => callContract(bridge, 'session:status', {}),
    // Changes arrive as 'session:changed' events and as the answers of the calls below.
    staleTime: Infinity,
  });
}

/**
 * A new session state. Records and sync figures belong to an account: after a sign-in, a sign-out or
 * a switch of account, what is cached may be someone else's, so it is dropped rather than shown stale.
 */
export function applySessionStatus(queryClient: QueryClient, status: SessionStatus): void {
  const previous = queryClient.getQueryData<SessionStatus>(queryKeys.session);
  queryClient.setQueryData(queryKeys.session, status);
  const accountChanged = previous?.account?.id !== status.account?.id || previous?.portalUrl !== status.portalUrl;
  if (status.state === 'signedOut' || accountChanged) {
    queryClient.removeQueries({ queryKey: queryKeys.records });
    queryClient.removeQueries({ queryKey: queryKeys.sync });
  } else {
    void queryClient.invalidateQueries({ queryKey: queryKeys.sync });
  }
}

export function useSignIn() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'session:signIn'>) => callContract(bridge, 'session:signIn', input),
    onSuccess: (status) => applySessionStatus(queryClient, status),
  });
}

export function useChangePassword() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<'session:changePassword'>) => callContract(bridge, 'session:changePassword', input),
    onSuccess: (status) => applySessionStatus(queryClient, status),
  });
}

export function useSignOut() {
  const bridge = useBridge();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => callContract(bridge, 'session:signOut', {}),
    onSuccess: (status) => applySessionStatus(queryClient, status),
  });
}
