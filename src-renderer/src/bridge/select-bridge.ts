// Picks the bridge: the preload's `window.labordesk` in Electron, else the web host's WebSocket.
import { webSocketPath, webTokenParam, type LaborDeskBridge } from '../../../src-common/contract';
import type { Language } from '../../../src-common/language';
import { createWebSocketBridge } from './websocket-bridge';
// Types `window.labordesk` from the preload's own object (type only: nothing of the preload is bundled).
import type {} from '../../../src-preload/window';

export type BridgeSelection =
  | { kind: 'ready'; bridge: LaborDeskBridge }
  /** Browser mode opened without the per-launch token: nothing can be called. */
  | { kind: 'missing-token' };

export function selectBridge(language: () => Language): BridgeSelection {
  if (window.labordesk) return { kind: 'ready', bridge: window.labordesk };
  const token = new URLSearchParams(window.location.search).get(webTokenParam);
  if (!token) return { kind: 'missing-token' };
  return { kind: 'ready', bridge: createWebSocketBridge({ url: webSocketUrl(window.location, token), language }) };
}

export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${webSocketPath}?${webTokenParam}=${encodeURIComponent(token)}`;
}
