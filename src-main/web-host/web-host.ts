// The web host: serves the renderer and bridges the contract over a token-guarded WebSocket on 127.0.0.1.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  batchFileLimits,
  ClientMessageSchema,
  webSocketPath,
  webTokenParam,
  type ServerMessage,
} from '../../src-common/contract';
import type { Core } from '../core/core.types';
import type { Logger } from '../core/logger';
import { silentLogger } from '../core/logger';
import { resolveStaticPath, sendStaticFile } from './static-files';

export interface WebHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The per-launch secret; random when omitted. */
  token?: string;
  logger?: Logger;
}

export interface WebHost {
  /** The page to open, token included. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/**
 * Large enough for the biggest contract call (a batch of files to sign, as base64) plus its envelope;
 * the contract's own limits refuse anything larger that fits. Bulk imports will stream in chunks.
 */
const MAX_MESSAGE_BYTES = batchFileLimits.maxTotalBase64 + 1024 * 1024;

export function contentSecurityPolicy(origin: string): string {
  const socketOrigin = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${socketOrigin}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function tokensEqual(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { core, rendererDir } = options;
  const logger = options.logger ?? silentLogger;
  const token = options.token ?? randomBytes(32).toString('hex');
  let origin = '';

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(origin),
      'X-Content-Type-Options': 'nosniff',
      // The token is in the page URL: never let it leave in a Referer header.
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    };
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const file = resolveStaticPath(rendererDir, url.pathname);
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    sendStaticFile(response, file);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', origin);
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== webSocketPath) return refuse(404, 'Not Found');
    if (!tokensEqual(url.searchParams.get(webTokenParam), token)) return refuse(401, 'Unauthorized');
    // A page elsewhere that learnt the token still cannot connect: browsers always send Origin.
    if (request.headers.origin !== undefined && request.headers.origin !== origin) return refuse(403, 'Forbidden');
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  sockets.on('connection', (ws: WebSocket) => {
    const send = (message: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const unsubscribe = core.onEvent((topic, payload) => send({ type: 'event', topic, payload }));
    ws.on('close', unsubscribe);
    ws.on('error', (error) => logger.warn('web socket error', { error: error.message }));
    ws.on('message', async (data, isBinary) => {
      let raw: unknown;
      try {
        raw = isBinary ? undefined : JSON.parse(data.toString('utf8'));
      } catch {
        raw = undefined;
      }
      const message = ClientMessageSchema.safeParse(raw);
      if (!message.success) {
        ws.close(1003, 'malformed message');
        return;
      }
      const { id, method, input } = message.data;
      const result = await core.invoke(method, input);
      send({ type: 'result', id, result });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${HOST}:${port}`;
  logger.info('web host listening', { origin });

  return {
    url: `${origin}/?${webTokenParam}=${token}`,
    origin,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
