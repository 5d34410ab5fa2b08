// A fault-injecting HTTP reverse proxy for sync tests: sits on 127.0.0.1 in front of a real portal and,
// driven by a seeded PRNG, passes, delays, resets, answers 502/503, truncates or stalls requests.
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { Socket } from 'node:net';

/**
 * What can happen to one request.
 * - `delay`: wait `delayMs` (random in the range), then forward normally.
 * - `resetBefore`: destroy the client socket without forwarding (the portal never sees the request).
 * - `resetAfter`: forward, let the portal answer in full, then destroy the client socket without
 *   answering (the portal applied the push, the client never learns it).
 * - `status502` / `status503`: answer 502 / 503 (an nginx-like HTML page) without forwarding.
 * - `forward502`: forward, drop the portal's answer, answer 502 (the portal applied it anyway).
 * - `truncate`: forward, send the portal's status and headers (with the full Content-Length) and half
 *   the body, then destroy the socket.
 * - `stall`: do not forward; hold the connection open (past the client's timeout) until the client
 *   gives up, `stallMs` passes or the proxy closes.
 * - `stallAfter`: forward, then hold the portal's answer the same way.
 */
export type FaultKind =
  | 'delay'
  | 'resetBefore'
  | 'resetAfter'
  | 'status502'
  | 'status503'
  | 'forward502'
  | 'truncate'
  | 'stall'
  | 'stallAfter';

export const allFaultKinds: readonly FaultKind[] = [
  'delay',
  'resetBefore',
  'resetAfter',
  'status502',
  'status503',
  'forward502',
  'truncate',
  'stall',
  'stallAfter',
];

export type Decision = { kind: 'pass' } | { kind: Exclude<FaultKind, 'delay'> } | { kind: 'delay'; ms: number };

/** pass: forward everything; faulty: apply the seeded fault plan; down: destroy every connection. */
export type ProxyMode = 'pass' | 'faulty' | 'down';

export interface ProxyRequestInfo {
  /** 1-based number of the request through this proxy. */
  n: number;
  method: string;
  /** Path and query string as the client sent them. */
  path: string;
}

export interface FaultProxyOptions {
  /** Base URL of the upstream server, e.g. the test portal's `http://127.0.0.1:PORT`. */
  target: string;
  seed: number;
  /** Probability (0..1) that a request in `faulty` mode gets a fault rather than passing. */
  faultRate: number;
  /** The fault kinds to choose from, uniformly (default: all). */
  faults?: readonly FaultKind[];
  /** Only requests matching this are eligible for faults (default: all); the others pass. */
  eligible?: (request: ProxyRequestInfo) => boolean;
  /** Range of a `delay` fault in milliseconds (default 20..300). */
  delayMs?: { min: number; max: number };
  /** How long a stall holds the connection before destroying it (default: until the client gives up). */
  stallMs?: number;
  /** Starting mode (default `faulty`). */
  mode?: ProxyMode;
}

export interface FaultProxyStats {
  /** Requests received (not counting connections destroyed in `down` mode). */
  requests: number;
  /** Requests forwarded to the target (whatever happened to the answer). */
  forwarded: number;
  /** What was decided, per kind. */
  decisions: Record<Decision['kind'], number>;
  /** Connections and requests destroyed because the proxy was `down`. */
  refused: number;
  /** Forwarding failed (target unreachable): answered 502 as a real proxy would. */
  upstreamErrors: number;
  /** Requests the client gave up on (closed the connection) while the proxy was not stalling them on purpose. */
  abandoned: number;
}

export interface ProxyEvent {
  request: ProxyRequestInfo;
  decision: Decision;
}

export interface FaultProxy {
  url: string;
  stats: FaultProxyStats;
  mode(): ProxyMode;
  setMode(mode: ProxyMode): void;
  setFaultRate(rate: number): void;
  /**
   * Overrides the seeded plan: called for every request (in every mode but `down`); a decision it
   * returns is applied, `undefined` falls back to the plan. Pass `undefined` to remove.
   */
  setIntercept(intercept: ((request: ProxyRequestInfo) => Decision | undefined) | undefined): void;
  /**
   * `decision` (ProxyEvent) when a request's fate is chosen; `upstream` (ProxyEvent & { status })
   * when the target has answered a forwarded request, before the decision is applied to the answer
   * (for `stallAfter` / `resetAfter`: the portal has done the work, the client has not heard);
   * `answered` (ProxyEvent & { status }) once a passed or delayed answer has been handed to the socket.
   */
  events: EventEmitter;
  close(): Promise<void>;
}

/** mulberry32: a tiny, fast, seeded 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'trailers',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'host',
]);

function endToEndHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name)) out[name] = value;
  }
  return out;
}

function errorPage(status: 502 | 503): { headers: http.OutgoingHttpHeaders; body: Buffer } {
  const text = status === 502 ? '502 Bad Gateway' : '503 Service Temporarily Unavailable';
  const body = Buffer.from(`<html>\r\n<head><title>${text}</title></head>\r\n<body>\r\n<center><h1>${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`);
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'text/html', 'content-length': body.length, server: 'nginx' };
  if (status === 503) headers['retry-after'] = '1';
  return { headers, body };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('client aborted')));
  });
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(options.target);
  const random = mulberry32(options.seed);
  const faults = options.faults ?? allFaultKinds;
  if (faults.length === 0) throw new Error('faults must name at least one fault kind');
  const delayRange = options.delayMs ?? { min: 20, max: 300 };
  let faultRate = options.faultRate;
  let mode: ProxyMode = options.mode ?? 'faulty';
  let intercept: ((request: ProxyRequestInfo) => Decision | undefined) | undefined;
  let counter = 0;
  let closed = false;

  const stats: FaultProxyStats = {
    requests: 0,
    forwarded: 0,
    decisions: { pass: 0, delay: 0, resetBefore: 0, resetAfter: 0, status502: 0, status503: 0, forward502: 0, truncate: 0, stall: 0, stallAfter: 0 },
    refused: 0,
    upstreamErrors: 0,
    abandoned: 0,
  };
  const events = new EventEmitter();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const upstreamAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  /** Always draws three numbers, so the plan for request n depends only on the seed and n's order. */
  function planned(request: ProxyRequestInfo): Decision {
    const roll = random();
    const which = random();
    const param = random();
    if (mode !== 'faulty' || roll >= faultRate) return { kind: 'pass' };
    if (options.eligible && !options.eligible(request)) return { kind: 'pass' };
    const kind = faults[Math.floor(which * faults.length)]!;
    if (kind === 'delay') return { kind, ms: Math.round(delayRange.min + param * (delayRange.max - delayRange.min)) };
    return { kind };
  }

  /** Holds the client's connection open until it gives up, stallMs passes or the proxy closes. */
  function stall(socket: Socket): void {
    if (options.stallMs !== undefined) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        socket.destroy();
      }, options.stallMs);
      timers.add(timer);
      socket.once('close', () => {
        clearTimeout(timer);
        timers.delete(timer);
      });
    }
  }

  function forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    stats.forwarded += 1;
    return new Promise((resolve, reject) => {
      const headers = endToEndHeaders(req.headers);
      headers.host = target.host;
      if (body.length > 0 || req.headers['content-length'] !== undefined) headers['content-length'] = body.length;
      const upstream = http.request(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: upstreamAgent },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
          answer.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const socket = req.socket;
    if (mode === 'down') {
      stats.refused += 1;
      socket.destroy();
      return;
    }
    counter += 1;
    stats.requests += 1;
    const request: ProxyRequestInfo = { n: counter, method: req.method ?? 'GET', path: req.url ?? '/' };
    const plan = planned(request);
    const decision = intercept?.(request) ?? plan;
    stats.decisions[decision.kind] += 1;
    events.emit('decision', { request, decision } satisfies ProxyEvent);

    switch (decision.kind) {
      case 'resetBefore':
        socket.destroy();
        return;
      case 'stall':
        stall(socket);
        return;
      case 'status502':
      case 'status503': {
        // Read the body first so the client is not cut off mid-upload (it gets a clean status).
        await readBody(req);
        const page = errorPage(decision.kind === 'status502' ? 502 : 503);
        res.writeHead(decision.kind === 'status502' ? 502 : 503, page.headers);
        res.end(page.body);
        return;
      }
      default:
        break;
    }

    const body = await readBody(req);
    if (decision.kind === 'delay') await sleep(decision.ms);
    if (closed) return;
    if (socket.destroyed) {
      stats.abandoned += 1;
      return;
    }

    let answer: Awaited<ReturnType<typeof forward>>;
    try {
      answer = await forward(req, body);
    } catch {
      stats.upstreamErrors += 1;
      if (socket.destroyed) return;
      const page = errorPage(502);
      res.writeHead(502, page.headers);
      res.end(page.body);
      return;
    }
    events.emit('upstream', { request, decision, status: answer.status });
    if (socket.destroyed) {
      if (!closed) stats.abandoned += 1;
      return;
    }

    const headers = endToEndHeaders(answer.headers);
    switch (decision.kind) {
      case 'resetAfter':
        socket.destroy();
        return;
      case 'stallAfter':
        stall(socket);
        return;
      case 'forward502': {
        const page = errorPage(502);
        res.writeHead(502, page.headers);
        res.end(page.body);
        return;
      }
      case 'truncate': {
        if (answer.body.length === 0) {
          socket.destroy();
          return;
        }
        res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
        res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => socket.destroy());
        return;
      }
      default:
        res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
        res.end(answer.body, () => events.emit('answered', { request, decision, status: answer.status }));
    }
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  // Keep-alive connections stay usable across faults; long-polling is not a thing here.
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket: Socket) => {
    if (mode === 'down' || closed) {
      stats.refused += 1;
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('proxy has no TCP address');

  return {
    url: `http://127.0.0.1:${address.port}`,
    stats,
    events,
    mode: () => mode,
    setMode(next) {
      mode = next;
      // "Portal unreachable" also for connections the client already holds open.
      if (next === 'down') for (const socket of sockets) socket.destroy();
    },
    setFaultRate(rate) {
      faultRate = rate;
    },
    setIntercept(next) {
      intercept = next;
    },
    async close() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      upstreamAgent.destroy();
      await stopped;
    },
  };
}
