// The preload's bridge object: typed invoke and subscribe over IPC, nothing else of ipcRenderer.
import {
  eventChannel,
  isMethod,
  isTopic,
  type LaborDeskBridge,
  type Method,
  type MethodInput,
  type MethodOutput,
  type Topic,
  type TopicPayload,
} from '../src-common/contract';
import { errorMessage, type ErrorCode } from '../src-common/errors';
import { defaultLanguage } from '../src-common/language';
import type { Result } from '../src-common/result';

/** The part of Electron's ipcRenderer used here; tests pass an in-memory fake. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createPreloadApi(ipcRenderer: IpcRendererLike) {
  const listenersByTopic = new Map<Topic, Set<(payload: unknown) => void>>();

  // One IPC listener for all topics; main sends (topic, payload) on the event channel.
  ipcRenderer.on(eventChannel, (_event, topic, payload) => {
    if (!isTopic(topic)) return;
    for (const listener of [...(listenersByTopic.get(topic) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing subscriber must not starve the others.
        console.error('labordesk: event listener failed', topic, error);
      }
    }
  });

  return {
    invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      if (!isMethod(method)) return Promise.resolve(failure('UNKNOWN_METHOD'));
      // Main answers every call with a Result; a rejection means the transport itself broke.
      const result = ipcRenderer.invoke(method, input) as Promise<Result<MethodOutput<M>>>;
      return result.catch(() => failure('INTERNAL_ERROR'));
    },

    subscribe<T extends Topic>(topic: T, listener: (payload: TopicPayload<T>) => void): () => void {
      if (!isTopic(topic)) throw new TypeError(`labordesk: unknown event topic ${String(topic)}`);
      const untyped = listener as (payload: unknown) => void;
      const listeners = listenersByTopic.get(topic) ?? new Set();
      listenersByTopic.set(topic, listeners);
      listeners.add(untyped);
      return () => {
        listeners.delete(untyped);
      };
    },
  } satisfies LaborDeskBridge;
}

function failure(code: ErrorCode): Result<never> {
  // The UI translates by code; the user's language is not known here before the store opens.
  return { ok: false, error: { code, message: errorMessage(code, defaultLanguage) } };
}

/** What the renderer sees as `window.labordesk` (derived from the object, as Bitwarden does). */
export type PreloadApi = ReturnType<typeof createPreloadApi>;
