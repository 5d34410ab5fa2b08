// The preload bridge and the IPC handlers wired together over an in-memory transport, real core behind.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eventChannel, methods, type Method, type Settings } from '../../src-common/contract';
import type { Core } from '../../src-main/core/index';
import { silentLogger } from '../../src-main/core/logger';
import { registerIpcHandlers } from '../../src-main/electron/ipc.handlers';
import { isOwnRendererUrl, rendererEntryUrl, type RendererLocation } from '../../src-main/electron/renderer-location';
import { createPreloadApi } from '../../src-preload/api';
import { createTestCore, removeTempDirs } from '../helpers/temp-core';
import { InMemoryIpc } from './in-memory-ipc';

const location: RendererLocation = { kind: 'file', indexFile: '/opt/LaborDesk/resources/app/out/renderer/index.html' };
const ownTopFrame = { url: `${rendererEntryUrl(location)}#/settings`, parent: null };

let core: Core;
let ipc: InMemoryIpc;
let unregister: () => void;

beforeAll(async () => {
  core = await createTestCore({ shell: 'electron' });
  ipc = new InMemoryIpc();
  unregister = registerIpcHandlers({
    ipcMain: ipc.ipcMain,
    core,
    isOwnRendererUrl: (url) => isOwnRendererUrl(location, url),
    logger: silentLogger,
  });
  // What main.ts does with webContents.send.
  core.onEvent((topic, payload) => ipc.send(eventChannel, topic, payload));
});

afterAll(async () => {
  unregister();
  await core.close();
  removeTempDirs();
});

describe('IPC bridge: preload api -> ipcMain handlers -> core', () => {
  it('registers exactly one handler per contract method, named after it', () => {
    expect(ipc.channels().sort()).toEqual([...methods].sort());
  });

  it('carries a valid call through to the core and back', async () => {
    const api = createPreloadApi(ipc.rendererIn(ownTopFrame));
    const set = await api.invoke('settings:set', { portalUrl: 'https://portal.example.vn', uiLanguage: 'en' });
    expect(set).toMatchObject({ ok: true, value: { portalUrl: 'https://portal.example.vn', uiLanguage: 'en' } });

    const got = await api.invoke('settings:get', {});
    expect(got.ok).toBe(true);
    if (got.ok) expect(got.value).toMatchObject({ portalUrl: 'https://portal.example.vn', uiLanguage: 'en' });
  });

  it('returns VALIDATION_FAILED with the failing field for invalid input', async () => {
    const api = createPreloadApi(ipc.rendererIn(ownTopFrame));
    const result = await api.invoke('settings:set', { portalUrl: 'ftp://x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION_FAILED');
    const details = result.error.details as { issues: { path: string }[] };
    expect(details.issues[0]?.path).toBe('portalUrl');
    // Nothing was written.
    const after = await api.invoke('settings:get', {});
    expect(after.ok && after.value.portalUrl).toBe('https://portal.example.vn');
  });

  it('refuses a method outside the contract in the preload, without touching IPC', async () => {
    const transport = ipc.rendererIn(ownTopFrame);
    const invokeSpy = vi.spyOn(transport, 'invoke');
    const api = createPreloadApi(transport);
    // A compromised or buggy renderer is plain JavaScript: the type system does not protect here.
    const result = await api.invoke('fs:readFile' as Method, { path: '/etc/passwd' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(invokeSpy).not.toHaveBeenCalled();
  });

  it('has no main-side channel for a method outside the contract', async () => {
    await expect(ipc.rendererIn(ownTopFrame).invoke('fs:readFile', {})).rejects.toThrow(/No handler/);
  });

  it.each([
    ['another web origin', { url: 'https://evil.example/index.html', parent: null }],
    ['a subframe of our own page', { url: ownTopFrame.url, parent: { url: ownTopFrame.url } }],
    ['another local file', { url: 'file:///tmp/downloaded.html', parent: null }],
    ['a destroyed frame', null],
  ])('answers FORBIDDEN_SENDER to %s and leaves the store untouched', async (_name, frame) => {
    const api = createPreloadApi(ipc.rendererIn(frame));
    const write = await api.invoke('settings:set', { portalUrl: 'https://attacker.example' });
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    const read = await api.invoke('settings:get', {});
    expect(read).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });

    const trusted = await createPreloadApi(ipc.rendererIn(ownTopFrame)).invoke('settings:get', {});
    expect(trusted.ok && trusted.value.portalUrl).toBe('https://portal.example.vn');
  });

  it('delivers events to subscribers of their topic until they unsubscribe', async () => {
    const api = createPreloadApi(ipc.rendererIn(ownTopFrame));
    const changes: Settings[] = [];
    const progress: unknown[] = [];
    const unsubscribe = api.subscribe('settings:changed', (settings) => changes.push(settings));
    api.subscribe('progress', (event) => progress.push(event));

    await api.invoke('settings:set', { pkcs11ModulePath: '/usr/lib/softhsm/libsofthsm2.so' });
    expect(changes).toHaveLength(1);
    expect(changes[0]?.pkcs11ModulePath).toBe('/usr/lib/softhsm/libsofthsm2.so');

    unsubscribe();
    await api.invoke('settings:set', { pkcs11ModulePath: '' });
    expect(changes).toHaveLength(1);
    expect(progress).toHaveLength(0);
  });

  it('keeps delivering to other subscribers when one listener throws', async () => {
    const api = createPreloadApi(ipc.rendererIn(ownTopFrame));
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const received: string[] = [];
    const stopFailing = api.subscribe('settings:changed', () => {
      throw new Error('listener bug');
    });
    const stopRecording = api.subscribe('settings:changed', (settings) => received.push(settings.uiLanguage));
    await api.invoke('settings:set', { uiLanguage: 'vi' });
    expect(received).toEqual(['vi']);
    expect(consoleError).toHaveBeenCalled();
    stopFailing();
    stopRecording();
    consoleError.mockRestore();
  });

  it('ignores events on unknown topics and refuses to subscribe to them', () => {
    const api = createPreloadApi(ipc.rendererIn(ownTopFrame));
    expect(() => ipc.send(eventChannel, 'no-such-topic', {})).not.toThrow();
    expect(() => api.subscribe('no-such-topic' as 'progress', () => {})).toThrow(TypeError);
  });
});
