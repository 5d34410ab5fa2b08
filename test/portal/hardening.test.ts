// Request limits, login rate limiting, logs without secrets, and the OpenAPI description at /docs.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactedLogPaths } from '../../portal/src/server';
import { goodPassword, mutation, signedInAccount } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

let portal: TestPortal;
let logText = '';
const logSink = new Writable({
  write(chunk, _encoding, done) {
    logText += chunk.toString();
    done();
  },
});

beforeAll(async () => {
  portal = await startTestPortal({
    loginRateLimit: { max: 8, timeWindowMs: 60_000 },
    logger: { level: 'info', stream: logSink, redact: { paths: redactedLogPaths, censor: '[redacted]' } },
  });
});
afterAll(async () => {
  await portal?.close();
});

describe(`hardening (${storageKind})`, () => {
  it('refuses oversized bodies with PAYLOAD_TOO_LARGE before reading them into a handler', async () => {
    const big = 'x'.repeat(300 * 1024);
    const login = await portal.call('POST', '/api/v1/auth/login', { body: { username: 'someone', password: big } });
    expect(login.status).toBe(413);
    expect(login.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    const user = await signedInAccount(portal, { role: 'systemAdmin' });
    const huge = Array.from({ length: 500 }, () => mutation('employer.upsert', { blob: 'y'.repeat(40_000) }));
    const push = await portal.call('POST', '/api/v1/sync/push', { token: user.token, body: { mutations: huge } });
    expect(push.status).toBe(413);
    const tooMany = Array.from({ length: 501 }, () => mutation('employer.upsert', {}));
    const count = await portal.call('POST', '/api/v1/sync/push', { token: user.token, body: { mutations: tooMany } });
    expect(count.status).toBe(400);
    expect(count.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('rate-limits sign-in attempts per address and username with RATE_LIMITED', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const answer = await portal.call('POST', '/api/v1/auth/login', { body: { username: 'hammered.user', password: `guess-${i}` } });
      statuses.push(answer.status);
      if (answer.status === 429) {
        expect(answer.body.error.code).toBe('RATE_LIMITED');
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401));
    expect(statuses.slice(8)).toEqual([429, 429]);
    // Another username from the same address is not blocked by it.
    const other = await portal.call('POST', '/api/v1/auth/login', { body: { username: 'someone.else', password: 'x' } });
    expect(other.status).toBe(401);
  });

  it('writes structured logs with no password, token or temporary password in them', async () => {
    const created = await portal.services.admin.createAccount({ username: 'log.watch', displayName: 'Giám sát nhật ký', role: 'systemAdmin' });
    const first = await portal.call('POST', '/api/v1/auth/login', { body: { username: 'log.watch', password: created.temporaryPassword } });
    const changed = await portal.call('POST', '/api/v1/auth/change-password', {
      token: first.body.token,
      body: { currentPassword: created.temporaryPassword, newPassword: goodPassword },
    });
    await portal.call('GET', '/api/v1/auth/me', { token: changed.body.token });
    await portal.call('GET', '/api/v1/nowhere', { token: changed.body.token });
    const lines = logText.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.some((l) => (l.req as { url?: string } | undefined)?.url === '/api/v1/auth/me')).toBe(true);
    for (const secret of [created.temporaryPassword, goodPassword, first.body.token, changed.body.token]) {
      expect(logText).not.toContain(secret);
    }
  });

  it('serves the OpenAPI description generated from the shared schemas, with every API route', async () => {
    const spec = await portal.call('GET', '/docs/json');
    expect(spec.status).toBe(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    const documented = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const apiRoutes = portal.routes.filter((r) => r.url.startsWith('/api/')).map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(apiRoutes.sort());
    const push = spec.body.paths['/api/v1/sync/push'].post;
    expect(JSON.stringify(push.requestBody)).toContain('mutations');
    const ui = await fetch(`${portal.url}/docs/`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });
});
