// Decides what comes before the app: set up the store, unlock it, show the new recovery key, or go on.
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { queryKeys } from '../data/query-keys';
import { useVaultSetup, useVaultStatus } from '../data/use-vault';
import { FullScreenLoader } from '../shell/FullScreenLoader';
import { StartupErrorScreen } from '../shell/StartupErrorScreen';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { VaultSetupScreen } from './VaultSetupScreen';
import { VaultUnlockScreen } from './VaultUnlockScreen';

export function VaultGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const status = useVaultStatus();
  // The setup mutation lives here, not in the setup screen: the 'vault:changed' event can say
  // "open" before setup's own answer (with the recovery key) arrives, and the key must still be shown.
  const setup = useVaultSetup();

  if (setup.data) {
    const { recoveryKey, status: openStatus } = setup.data;
    return (
      <RecoveryKeyPanel
        recoveryKey={recoveryKey}
        onContinue={() => {
          queryClient.setQueryData(queryKeys.vaultStatus, openStatus);
          setup.reset(); // Drops the key from memory.
        }}
      />
    );
  }
  if (status.isPending) {
    return <FullScreenLoader />;
  }
  if (status.isError) return <StartupErrorScreen error={status.error} onRetry={() => void status.refetch()} />;

  const { state, osKeychainAvailable, unlockMethods } = status.data;
  if (state === 'needs-setup' || setup.isPending) {
    return (
      <VaultSetupScreen
        osKeychainAvailable={osKeychainAvailable}
        pending={setup.isPending}
        error={setup.error}
        onCreate={(passphrase) => setup.mutate(passphrase === undefined ? {} : { passphrase })}
      />
    );
  }
  if (state === 'locked') return <VaultUnlockScreen methods={unlockMethods} />;
  return <>{children}</>;
}
