// The sync tests' fault-injecting proxy (test/helpers/fault-proxy.ts), against a tiny local HTTP server:
// 'pass' is faithful, and every fault kind really happens (and reaches the upstream or not, as it says).
// Lives in the node project's tree because test/helpers is not a test root.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allFaultKinds, mulberry32, startFaultProxy, type Decision, type FaultKind, type FaultProxy } from '../helpers/fault-proxy';

interface Hit {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const big = randomBytes(1024 * 1024);
const hits: Hit[] = [];
let upstream: http.Server;
let target: string;
const proxies: FaultProxy[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      hits.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === '/big') {
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-upstream': 'big', 'set-cookie': ['a=1', 'b=2'] });
        res.end(big);
        return;
      }
      if (req.url === '/created') {
        res.writeHead(201, { 'content-type': 'application/json', 'x-upstream': 'created' });
        res.end(JSON.stringify({ created: true }));
        return;
      }
      // Echo, chunked (no Content-Length), so the proxy's re-framing is exercised too.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"method":');
      res.end(
        `${JSON.stringify(req.method)},"url":${JSON.stringify(req.url)},"length":${body.length},"sha256":"${createHash('sha256').update(body).digest('hex')}"}`,
      );
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
  hits.length = 0;
});

async function proxyWith(kind: FaultKind, extra: Partial<Parameters<typeof startFaultProxy>[0]> = {}) {
  const proxy = await startFaultProxy({ target, seed: 1, faultRate: 1, faults: [kind], ...extra });
  proxies.push(proxy);
  return proxy;
}

const post = (url: string, body = '{"x":1}', signal?: AbortSignal) =>
  fetch(`${url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });

describe('fault proxy: pass', () => {
  it('forwards method, path, query, headers and a 1 MB body faithfully, and a 1 MB answer back', async () => {
    const proxy = await startFaultProxy({ target, seed: 7, faultRate: 1, mode: 'pass' });
    proxies.push(proxy);

    const upload = randomBytes(1024 * 1024);
    // x-custom carries raw UTF-8 bytes (as some clients send them): they must arrive byte for byte.
    const answer = await fetch(`${proxy.url}/echo/some/path?cursor=42&limit=5&q=%C4%90%E1%BB%97`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', authorization: 'Bearer abc.def', 'x-custom': Buffer.from('Đỗ Văn A').toString('latin1'), 'accept-language': 'en' },
      body: upload,
    });
    expect(answer.status).toBe(200);
    const echoed = await answer.json();
    expect(echoed).toEqual({
      method: 'PUT',
      url: '/echo/some/path?cursor=42&limit=5&q=%C4%90%E1%BB%97',
      length: upload.length,
      sha256: createHash('sha256').update(upload).digest('hex'),
    });
    const hit = hits.at(-1)!;
    expect(hit.body.equals(upload)).toBe(true);
    expect(hit.headers.authorization).toBe('Bearer abc.def');
    expect(Buffer.from(hit.headers['x-custom'] as string, 'latin1').toString('utf8')).toBe('Đỗ Văn A');
    expect(hit.headers['content-type']).toBe('application/octet-stream');
    expect(hit.headers['accept-language']).toBe('en');
    expect(hit.headers['content-length']).toBe(String(upload.length));
    expect(hit.headers.host).toBe(new URL(target).host);

    const download = await fetch(`${proxy.url}/big`);
    expect(download.status).toBe(200);
    expect(download.headers.get('x-upstream')).toBe('big');
    expect(download.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(Buffer.from(await download.arrayBuffer()).equals(big)).toBe(true);

    const created = await fetch(`${proxy.url}/created`, { method: 'POST', body: '' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ created: true });
    expect(hits.at(-1)!.method).toBe('POST');

    const get = await fetch(`${proxy.url}/echo?x=1`);
    expect(await get.json()).toMatchObject({ method: 'GET', url: '/echo?x=1', length: 0 });
    expect(proxy.stats).toMatchObject({ requests: 4, forwarded: 4, decisions: { pass: 4 } });
  });
});

describe('fault proxy: each fault kind happens', () => {
  it('delay: forwards after the chosen delay', async () => {
    const proxy = await proxyWith('delay', { delayMs: { min: 250, max: 250 } });
    const started = performance.now();
    const answer = await post(proxy.url);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ method: 'POST', length: 7 });
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(hits).toHaveLength(1);
    expect(proxy.stats.decisions.delay).toBe(1);
  });

  it('resetBefore: the connection drops and the upstream never sees the request', async () => {
    const proxy = await proxyWith('resetBefore');
    await expect(post(proxy.url)).rejects.toThrow(/fetch failed/);
    expect(hits).toHaveLength(0);
    expect(proxy.stats.forwarded).toBe(0);
  });

  it('resetAfter: the upstream handles the request in full, then the client connection drops unanswered', async () => {
    const proxy = await proxyWith('resetAfter');
    const upstreamDone = new Promise((resolve) => proxy.events.once('upstream', resolve));
    await expect(post(proxy.url, '{"push":true}')).rejects.toThrow(/fetch failed/);
    expect(await upstreamDone).toMatchObject({ status: 200, decision: { kind: 'resetAfter' } });
    expect(hits).toHaveLength(1);
    expect(hits[0]!.body.toString()).toBe('{"push":true}');
  });

  it.each([
    ['status502', 502],
    ['status503', 503],
  ] as const)('%s: answers %i without forwarding', async (kind, status) => {
    const proxy = await proxyWith(kind);
    const answer = await post(proxy.url);
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toBe('text/html');
    expect(await answer.text()).toContain(`<h1>${status} `);
    expect(hits).toHaveLength(0);
  });

  it('forward502: the upstream handles the request, the client gets 502', async () => {
    const proxy = await proxyWith('forward502');
    const answer = await post(proxy.url);
    expect(answer.status).toBe(502);
    await answer.text();
    expect(hits).toHaveLength(1);
  });

  it('truncate: status and headers arrive, then half the body, then the connection drops', async () => {
    const proxy = await proxyWith('truncate');
    const answer = await fetch(`${proxy.url}/big`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-length')).toBe(String(big.length));
    await expect(answer.arrayBuffer()).rejects.toThrow();
    expect(hits).toHaveLength(1);

    // Byte-exact with the raw client: exactly half the body arrives before the close.
    const received = await new Promise<{ status: number; bytes: Buffer; error: boolean }>((resolve) => {
      http.get(`${proxy.url}/big`, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => undefined);
        res.on('close', () => resolve({ status: res.statusCode!, bytes: Buffer.concat(chunks), error: !res.complete }));
      });
    });
    expect(received.status).toBe(200);
    expect(received.error).toBe(true);
    expect(received.bytes.length).toBe(big.length / 2);
    expect(received.bytes.equals(big.subarray(0, big.length / 2))).toBe(true);
  });

  it('stall: holds the connection past the client timeout without forwarding', async () => {
    const proxy = await proxyWith('stall');
    const started = performance.now();
    await expect(post(proxy.url, '{}', AbortSignal.timeout(300))).rejects.toThrow(/timeout|aborted/i);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(hits).toHaveLength(0);
  });

  it('stallAfter: forwards, then holds the answer past the client timeout', async () => {
    const proxy = await proxyWith('stallAfter');
    const upstreamDone = new Promise((resolve) => proxy.events.once('upstream', resolve));
    await expect(post(proxy.url, '{}', AbortSignal.timeout(300))).rejects.toThrow(/timeout|aborted/i);
    await upstreamDone;
    expect(hits).toHaveLength(1);
  });

  it('counts a request the client gave up on by itself (abandoned), and reports answered ones', async () => {
    const proxy = await proxyWith('delay', { delayMs: { min: 300, max: 300 } });
    await expect(post(proxy.url, '{}', AbortSignal.timeout(100))).rejects.toThrow(/timeout|aborted/i);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(proxy.stats.abandoned).toBe(1);
    expect(hits).toHaveLength(0);
    proxy.setIntercept(() => ({ kind: 'pass' }));
    const answered = new Promise((resolve) => proxy.events.once('answered', resolve));
    expect((await post(proxy.url)).status).toBe(200);
    expect(await answered).toMatchObject({ status: 200, decision: { kind: 'pass' }, request: { method: 'POST', path: '/echo' } });
  });

  it('stallMs: a stall ends by dropping the connection', async () => {
    const proxy = await proxyWith('stall', { stallMs: 100 });
    await expect(post(proxy.url)).rejects.toThrow(/fetch failed/);
  });

  it("down: every connection is destroyed (also kept-alive ones) until the mode changes back", async () => {
    const proxy = await startFaultProxy({ target, seed: 3, faultRate: 0 });
    proxies.push(proxy);
    expect((await post(proxy.url)).status).toBe(200);
    proxy.setMode('down');
    await expect(post(proxy.url)).rejects.toThrow(/fetch failed/);
    await expect(fetch(`${proxy.url}/big`)).rejects.toThrow(/fetch failed/);
    expect(hits).toHaveLength(1);
    expect(proxy.stats.refused).toBeGreaterThanOrEqual(2);
    proxy.setMode('faulty');
    expect((await post(proxy.url)).status).toBe(200);
    expect(hits).toHaveLength(2);
  });

  it('answers 502 like a real proxy when the target is unreachable', async () => {
    const closedServer = http.createServer();
    await new Promise<void>((resolve) => closedServer.listen(0, '127.0.0.1', resolve));
    const deadTarget = `http://127.0.0.1:${(closedServer.address() as AddressInfo).port}`;
    await new Promise((resolve) => closedServer.close(resolve));
    const proxy = await startFaultProxy({ target: deadTarget, seed: 1, faultRate: 0 });
    proxies.push(proxy);
    expect((await post(proxy.url)).status).toBe(502);
    expect(proxy.stats.upstreamErrors).toBe(1);
  });
});

describe('fault proxy: plan', () => {
  it('mulberry32 is deterministic and spread over [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 10_000 }, () => a());
    expect(Array.from({ length: 10_000 }, () => b())).toEqual(values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((s, v) => s + v, 0) / values.length).toBeCloseTo(0.5, 1);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it('the same seed gives the same decisions for the same request order; the rate and kinds are honoured', async () => {
    const run = async (seed: number) => {
      const proxy = await startFaultProxy({ target, seed, faultRate: 0.5, faults: allFaultKinds, delayMs: { min: 1, max: 5 }, stallMs: 20 });
      proxies.push(proxy);
      const kinds: string[] = [];
      proxy.events.on('decision', ({ decision }: { decision: Decision }) => kinds.push(decision.kind));
      for (let i = 0; i < 120; i += 1) {
        await post(proxy.url).then((r) => r.arrayBuffer(), () => undefined).catch(() => undefined);
      }
      return { kinds, stats: proxy.stats };
    };
    const first = await run(2026);
    const again = await run(2026);
    const other = await run(2027);
    expect(again.kinds).toEqual(first.kinds);
    expect(other.kinds).not.toEqual(first.kinds);
    const faulted = first.kinds.filter((k) => k !== 'pass').length;
    expect(faulted).toBeGreaterThan(35);
    expect(faulted).toBeLessThan(85);
    expect(new Set(first.kinds).size).toBeGreaterThanOrEqual(8);
    expect(Object.values(first.stats.decisions).reduce((s, n) => s + n, 0)).toBe(120);
  }, 20_000);

  it('eligible limits faults to matching requests; setFaultRate, pass mode and intercept override the plan', async () => {
    const proxy = await startFaultProxy({ target, seed: 9, faultRate: 1, faults: ['status503'], eligible: (r) => r.path.startsWith('/echo') });
    proxies.push(proxy);
    expect((await fetch(`${proxy.url}/created`, { method: 'POST', body: '' })).status).toBe(201);
    expect((await post(proxy.url)).status).toBe(503);
    proxy.setMode('pass');
    expect((await post(proxy.url)).status).toBe(200);
    proxy.setMode('faulty');
    proxy.setFaultRate(0);
    expect((await post(proxy.url)).status).toBe(200);
    proxy.setIntercept((r) => (r.method === 'POST' ? { kind: 'forward502' } : undefined));
    expect((await post(proxy.url)).status).toBe(502);
    expect((await fetch(`${proxy.url}/echo`)).status).toBe(200);
    proxy.setIntercept(undefined);
    expect((await post(proxy.url)).status).toBe(200);
  });

  it('close() ends stalled connections', async () => {
    const proxy = await proxyWith('stall');
    const pending = post(proxy.url);
    await new Promise((resolve) => proxy.events.once('decision', resolve));
    await proxy.close();
    proxies.splice(proxies.indexOf(proxy), 1);
    await expect(pending).rejects.toThrow(/fetch failed/);
  });
});
