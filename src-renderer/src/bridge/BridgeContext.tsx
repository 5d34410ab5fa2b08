// Hands the selected bridge to components, so none of them reaches for a global.
import { createContext, useContext, type ReactNode } from 'react';
import type { LaborDeskBridge } from '../../../src-common/contract';

const BridgeContext = createContext<LaborDeskBridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: LaborDeskBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): LaborDeskBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge() outside <BridgeProvider>');
  return bridge;
}
