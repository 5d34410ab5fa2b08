// The web host's WebSocket bridge: the token and origin guard, the contract with field paths, events.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../src-main/web-host/web-host';
import { resolveStaticPath } from '../../src-main/web-host/static-files';
import type { Core, CoreConfig } from '../../src-main/core/index';
import { createTestCore, removeTempDirs, tempDir } from '../helpers/temp-core';

const opened: { host: WebHost; core: Core }[] = [];

afterEach(async () => {
  for (const { host, core } of opened.splice(0)) {
    await host.close();
    await core.close();
  }
  removeTempDirs();
});

async function startHost(coreOverrides: Partial<CoreConfig> = {}) {
  const rendererDir = tempDir('labordesk-renderer-');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>LaborDesk</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const core = await createTestCore(coreOverrides);
  const host = await startWebHost({ core, rendererDir });
  opened.push({ host, core });
  return { host, core, rendererDir };
}

function socketUrl(host: WebHost, token: string | null): string {
  return `${host.origin.replace('http', 'ws')}/rpc${token === null ? '' : `?token=${token}`}`;
}

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opens. */
function connectStatus(url: string, origin?: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    ws.on('error', () => resolve(-1));
  });
}

function openClient(host: WebHost): Promise<{ call: (method: string, input: unknown) => Promise<any>; events: unknown[]; ws: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl(host, host.token), { origin: host.origin });
    const waiting = new Map<number, (result: unknown) => void>();
    const events: unknown[] = [];
    let nextId = 1;
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString());
      if (message.type === 'result') waiting.get(message.id)?.(message.result);
      if (message.type === 'event') events.push(message);
    });
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        events,
        call: (method, input) =>
          new Promise((done) => {
            const id = nextId++;
            waiting.set(id, done);
            ws.send(JSON.stringify({ type: 'invoke', id, method, input }));
          }),
      }),
    );
  });
}

describe('web host', () => {
  it('binds to 127.0.0.1 and refuses a socket without the token, with a wrong one, or from another origin', async () => {
    const { host } = await startHost();
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await connectStatus(socketUrl(host, null), host.origin)).toBe(401);
    expect(await connectStatus(socketUrl(host, 'not-the-token'), host.origin)).toBe(401);
    expect(await connectStatus(socketUrl(host, host.token), 'http://evil.example')).toBe(403);
    expect(await connectStatus(socketUrl(host, host.token), host.origin)).toBe(101);
  });

  it('bridges the contract: VALIDATION_FAILED with the field path, then a valid call', async () => {
    const { host } = await startHost();
    const client = await openClient(host);
    const bad = await client.call('settings:set', { portalUrl: 'javascript:alert(1)' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'portalUrl' }] } } });
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.ts:\d+/);
    const good = await client.call('settings:set', { portalUrl: 'https://portal.gov.vn', uiLanguage: 'en' });
    expect(good).toMatchObject({ ok: true, value: { portalUrl: 'https://portal.gov.vn', uiLanguage: 'en' } });
    expect(await client.call('nope:nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(client.events).toContainEqual(expect.objectContaining({ type: 'event', topic: 'settings:changed' }));
    client.ws.close();
  });

  it('reports the central portal it was started with through app:info', async () => {
    const { host } = await startHost({ portalUrl: 'http://127.0.0.1:8080' });
    const client = await openClient(host);
    expect(await client.call('app:info', {})).toMatchObject({ ok: true, value: { shell: 'web', portalUrl: 'http://127.0.0.1:8080' } });
    client.ws.close();
  });

  it('closes the socket on a malformed frame', async () => {
    const { host } = await startHost();
    const client = await openClient(host);
    const closed = new Promise<number>((resolve) => client.ws.on('close', (code) => resolve(code)));
    client.ws.send('{not json');
    expect(await closed).toBe(1003);
  });

  it('serves the renderer with a strict CSP and no-referrer, and nothing outside its folder', async () => {
    const { host, rendererDir } = await startHost();
    const page = await fetch(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${host.origin}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${host.origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${host.origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
    expect(resolveStaticPath(rendererDir, '/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath(rendererDir, '/assets/..%2f..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveStaticPath(rendererDir, '/%00index.html')).toBeNull();
  });
});
