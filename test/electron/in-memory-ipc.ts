// A fake of Electron's IPC transport only: ipcMain.handle / ipcRenderer.invoke / webContents.send in memory.
import type { InvokeEvent, IpcMainLike, SenderFrame } from '../../src-main/electron/ipc.handlers';
import type { IpcRendererLike } from '../../src-preload/api';

type Handler = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

export class InMemoryIpc {
  private readonly handlers = new Map<string, Handler>();
  private readonly rendererListeners = new Map<string, Set<RendererListener>>();

  readonly ipcMain: IpcMainLike = {
    handle: (channel, handler) => {
      // Electron refuses a second handler for a channel; so does the fake.
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    },
    removeHandler: (channel) => {
      this.handlers.delete(channel);
    },
  };

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** An ipcRenderer of a renderer whose calls arrive in main from `frame`. */
  rendererIn(frame: SenderFrame | null): IpcRendererLike {
    return {
      invoke: async (channel, ...args) => {
        const handler = this.handlers.get(channel);
        if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
        // Electron copies arguments and results with the structured clone algorithm.
        const result = await handler({ senderFrame: frame }, ...structuredClone(args));
        return structuredClone(result);
      },
      on: (channel, listener) => {
        const listeners = this.rendererListeners.get(channel) ?? new Set();
        this.rendererListeners.set(channel, listeners);
        listeners.add(listener);
      },
    };
  }

  /** webContents.send from main to every renderer. */
  send(channel: string, ...args: unknown[]): void {
    for (const listener of this.rendererListeners.get(channel) ?? []) listener({}, ...structuredClone(args));
  }
}
