// @vitest-environment node
// The renderer's WebSocket bridge against the real web host and core: calls, events, drops, reconnects.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createWebSocketBridge, type SocketLike, type WebSocketBridge } from '../../src-renderer/src/bridge/websocket-bridge';
import { webSocketUrl } from '../../src-renderer/src/bridge/select-bridge';
import type { Settings } from '../../src-common/contract';
import { startWebHost, type WebHost } from '../../src-main/web-host/web-host';
import type { Core } from '../../src-main/core/index';
import { createTestCore, removeTempDirs, tempDir } from '../helpers/temp-core';

const token = 'bridge-test-token-0123456789';
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  removeTempDirs();
});

async function startHost(core: Core, port = 0): Promise<WebHost> {
  const host = await startWebHost({ core, rendererDir: tempDir(), port, token });
  cleanups.push(() => host.close());
  return host;
}

function connect(host: WebHost, options: { initialDelayMs?: number } = {}): WebSocketBridge {
  const url = webSocketUrl(new URL(host.origin), token);
  const bridge = createWebSocketBridge({
    url,
    language: () => 'en',
    // Node 20 has no global WebSocket; `ws` offers the same on* interface.
    createSocket: (socketUrl) => new WebSocket(socketUrl) as unknown as SocketLike,
    initialDelayMs: options.initialDelayMs ?? 20,
    maxDelayMs: 100,
  });
  cleanups.push(() => bridge.close());
  return bridge;
}

async function newCore(): Promise<Core> {
  const core = await createTestCore();
  cleanups.push(() => core.close());
  return core;
}

describe('WebSocket bridge', () => {
  it('invokes contract methods and returns their Results, errors included', async () => {
    const bridge = connect(await startHost(await newCore()));

    const settings = await bridge.invoke('settings:get', {});
    expect(settings).toMatchObject({ ok: true, value: { uiLanguage: 'vi' } });

    const invalid = await bridge.invoke('settings:set', { portalUrl: 'not a url' });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) {
      expect(invalid.error.code).toBe('VALIDATION_FAILED');
      expect(invalid.error.details).toMatchObject({ issues: [{ path: 'portalUrl' }] });
    }
  });

  it('delivers events to the subscribers of their topic until they unsubscribe', async () => {
    const bridge = connect(await startHost(await newCore()));
    const seen: Settings[] = [];
    const unsubscribe = bridge.subscribe('settings:changed', (settings) => seen.push(settings));
    const progress: unknown[] = [];
    bridge.subscribe('progress', (event) => progress.push(event));

    await bridge.invoke('settings:set', { portalUrl: 'https://portal.example.gov.vn' });
    await expect.poll(() => seen.map((settings) => settings.portalUrl)).toEqual(['https://portal.example.gov.vn']);

    unsubscribe();
    await bridge.invoke('settings:set', { uiLanguage: 'en' });
    await bridge.invoke('settings:get', {}); // The event of the set above arrives before this answer.
    expect(seen).toHaveLength(1);
    expect(progress).toEqual([]);
  });

  it('answers BRIDGE_DISCONNECTED when the socket drops, then reconnects by itself', async () => {
    const core = await newCore();
    const first = await startHost(core);
    const port = Number(new URL(first.origin).port);
    const bridge = connect(first);
    expect((await bridge.invoke('vault:status', {})).ok).toBe(true);

    // A call in flight when the host goes away: unknown outcome, reported, never resent.
    const inFlight = bridge.invoke('settings:get', {});
    await first.close();
    const dropped = await inFlight;
    if (dropped.ok) {
      // The answer can win the race against the close; then there is nothing to report.
      expect(dropped.value).toMatchObject({ uiLanguage: 'vi' });
    } else {
      expect(dropped.error).toMatchObject({ code: 'BRIDGE_DISCONNECTED', message: expect.stringContaining('connection') });
    }

    // A call made while disconnected waits for the reconnect and then goes through.
    const waiting = bridge.invoke('vault:status', {});
    await startHost(core, port);
    expect(await waiting).toMatchObject({ ok: true, value: { state: 'open' } });
  });

  it('fails calls that cannot reach a host within the connect timeout', async () => {
    const url = 'ws://127.0.0.1:9/rpc?token=x'; // Port 9 (discard) is closed on a test machine.
    const bridge = createWebSocketBridge({
      url,
      language: () => 'vi',
      createSocket: (socketUrl) => new WebSocket(socketUrl) as unknown as SocketLike,
      initialDelayMs: 20,
      maxDelayMs: 50,
      connectTimeoutMs: 200,
    });
    cleanups.push(() => bridge.close());
    const result = await bridge.invoke('vault:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'BRIDGE_DISCONNECTED', message: expect.stringContaining('Mất kết nối') } });
  });
});
