// The contract over the web host's WebSocket (browser mode, Playwright): invoke by id, events by topic.
import {
  eventTopics,
  isTopic,
  type LaborDeskBridge,
  type Method,
  type MethodInput,
  type MethodOutput,
  type Topic,
  type TopicPayload,
} from '../../../src-common/contract';
import type { ClientMessage } from '../../../src-common/contract/wire';
import { errorMessage } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import type { Result } from '../../../src-common/result';

/** The part of the DOM WebSocket the bridge uses; tests pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface WebSocketBridgeOptions {
  url: string;
  /** Language of the errors the bridge itself makes (core localises its own). */
  language: () => Language;
  createSocket?: (url: string) => SocketLike;
  /** First reconnect delay; doubles per failed attempt up to maxDelayMs, with jitter. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** How long an invoke waits for a connection before it resolves to BRIDGE_DISCONNECTED. */
  connectTimeoutMs?: number;
}

export interface WebSocketBridge extends LaborDeskBridge {
  /** Stops reconnecting and fails whatever is still pending. */
  close(): void;
}

const SOCKET_OPEN = 1;

interface PendingInvoke {
  resolve: (result: Result<unknown>) => void;
  message: string;
  /** False while queued for a connection: such a call was never sent, so it can wait for a reconnect. */
  sent: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function createWebSocketBridge(options: WebSocketBridgeOptions): WebSocketBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const initialDelayMs = options.initialDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;

  const pending = new Map<number, PendingInvoke>();
  const listeners = new Map<Topic, Set<(payload: never) => void>>();
  let nextId = 1;
  let socket: SocketLike | null = null;
  let failedAttempts = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const disconnected = (): Result<never> => ({
    ok: false,
    error: { code: 'BRIDGE_DISCONNECTED', message: errorMessage('BRIDGE_DISCONNECTED', options.language()) },
  });

  const settle = (id: number, result: Result<unknown>) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  };

  const sendQueued = () => {
    for (const call of pending.values()) {
      if (call.sent || !socket || socket.readyState !== SOCKET_OPEN) continue;
      socket.send(call.message);
      call.sent = true;
      clearTimeout(call.timer);
    }
  };

  const connect = () => {
    if (closed) return;
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => {
      failedAttempts = 0;
      sendQueued();
    };
    current.onmessage = (event) => handleMessage(event.data);
    current.onerror = () => {
      // A close event always follows; reconnecting happens there.
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      // A sent call may or may not have run on the other side: report it, never resend it.
      for (const [id, call] of pending) if (call.sent) settle(id, disconnected());
      scheduleReconnect();
    };
  };

  const scheduleReconnect = () => {
    if (closed) return;
    const ceiling = Math.min(maxDelayMs, initialDelayMs * 2 ** failedAttempts);
    failedAttempts += 1;
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    reconnectTimer = setTimeout(connect, delay);
  };

  const handleMessage = (data: unknown) => {
    let message: unknown;
    try {
      message = JSON.parse(String(data));
    } catch {
      return;
    }
    if (typeof message !== 'object' || message === null) return;
    const framed = message as { type?: unknown; id?: unknown; result?: unknown; topic?: unknown; payload?: unknown };
    if (framed.type === 'result' && typeof framed.id === 'number') {
      settle(framed.id, isResult(framed.result) ? framed.result : internalError(options.language()));
    } else if (framed.type === 'event' && isTopic(framed.topic)) {
      const parsed = eventTopics[framed.topic].safeParse(framed.payload);
      if (!parsed.success) return;
      for (const listener of listeners.get(framed.topic) ?? []) (listener as (payload: unknown) => void)(parsed.data);
    }
  };

  connect();

  return {
    invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      if (closed) return Promise.resolve(disconnected());
      const id = nextId++;
      const message: ClientMessage = { type: 'invoke', id, method, input };
      return new Promise((resolve) => {
        const call: PendingInvoke = {
          resolve: resolve as (result: Result<unknown>) => void,
          message: JSON.stringify(message),
          sent: false,
          timer: undefined,
        };
        pending.set(id, call);
        if (socket && socket.readyState === SOCKET_OPEN) {
          socket.send(call.message);
          call.sent = true;
        } else {
          call.timer = setTimeout(() => settle(id, disconnected()), connectTimeoutMs);
        }
      });
    },

    subscribe<T extends Topic>(topic: T, listener: (payload: TopicPayload<T>) => void): () => void {
      let set = listeners.get(topic);
      if (!set) {
        set = new Set();
        listeners.set(topic, set);
      }
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },

    close() {
      closed = true;
      clearTimeout(reconnectTimer);
      const current = socket;
      socket = null;
      current?.close();
      for (const id of [...pending.keys()]) settle(id, disconnected());
    },
  };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { ok?: unknown; error?: unknown };
  if (candidate.ok === true) return true;
  if (candidate.ok !== false || typeof candidate.error !== 'object' || candidate.error === null) return false;
  const error = candidate.error as { code?: unknown; message?: unknown };
  return typeof error.code === 'string' && typeof error.message === 'string';
}

function internalError(language: Language): Result<never> {
  return { ok: false, error: { code: 'INTERNAL_ERROR', message: errorMessage('INTERNAL_ERROR', language) } };
}
