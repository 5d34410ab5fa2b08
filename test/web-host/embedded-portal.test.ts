// `npm start`'s embedded portal (scripts/embedded-portal.mjs) for real: it starts, answers, signs in, stops.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedPortal, type EmbeddedPortal } from '../../scripts/embedded-portal.mjs';

const started: EmbeddedPortal[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const portal of started.splice(0)) await portal.stop();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => (text += chunk));
  return { stream, text: () => text };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded portal', () => {
  it('starts with demo data on a loopback port, answers health and a demo sign-in, and stops', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'labordesk-portal-demo-'));
    dirs.push(dataDir);
    const out = collect();
    const portal = await startEmbeddedPortal({ dataDir, registrySize: 1000, timeoutMs: 80_000, stdout: out.stream, stderr: out.stream });
    started.push(portal);

    expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(out.text()).toMatch(/^\[portal\] .*is running at: http:\/\/127\.0\.0\.1:\d+/m);
    expect(out.text()).toMatch(/^\[portal\] Demo accounts/m);

    const health = await fetch(`${portal.url}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });

    const login = await fetch(`${portal.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dn.admin', password: 'LaborDesk@2026' }),
    });
    expect(login.status).toBe(200);

    const pid = portal.pid!;
    expect(isAlive(pid)).toBe(true);
    await portal.stop();
    expect(await portal.exited).toBe(0);
    expect(isAlive(pid)).toBe(false);
    await expect(fetch(`${portal.url}/api/v1/health`)).rejects.toThrow();
  });

  it('rejects with the portal\'s last output when it exits before reporting its URL', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'labordesk-portal-demo-'));
    dirs.push(dataDir);
    const out = collect();
    await expect(startEmbeddedPortal({ dataDir, registrySize: -1, stdout: out.stream, stderr: out.stream })).rejects.toThrow(
      /exited \(code 1\) before it reported its URL[\s\S]*--registry-size/,
    );
  });

  it('gives up after the timeout and ends the process', { timeout: 60_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'labordesk-portal-demo-'));
    dirs.push(dataDir);
    const out = collect();
    await expect(startEmbeddedPortal({ dataDir, registrySize: 1000, timeoutMs: 200, stdout: out.stream, stderr: out.stream })).rejects.toThrow(
      /did not report its URL within 0.2 s\b[\s\S]*it was stopped/,
    );
  });
});
