// IPC adapter: one ipcMain.handle per contract method; checks the sending frame, then asks the core.
import { methods } from '../../src-common/contract';
import { errorMessage, type ErrorCode } from '../../src-common/errors';
import { defaultLanguage } from '../../src-common/language';
import type { Result } from '../../src-common/result';
import type { Core } from '../core/core.types';
import type { Logger } from '../core/logger';

/** What the sender check reads from Electron's WebFrameMain. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** What the handlers read from Electron's IpcMainInvokeEvent. */
export interface InvokeEvent {
  /** Null when the frame navigated away or was destroyed before the message was handled. */
  readonly senderFrame: SenderFrame | null;
}

/** The part of Electron's ipcMain used here; plain Node tests pass an in-memory fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcHandlerOptions {
  ipcMain: IpcMainLike;
  core: Pick<Core, 'invoke'>;
  /** True for URLs of our own renderer (see renderer-location.ts). */
  isOwnRendererUrl(url: string): boolean;
  logger: Logger;
}

/** Registers the handlers; returns a function that removes them again. */
export function registerIpcHandlers(options: IpcHandlerOptions): () => void {
  const { ipcMain, core, isOwnRendererUrl, logger } = options;
  for (const method of methods) {
    // The channel is the method name itself, so no channel string exists twice.
    ipcMain.handle(method, async (event, input): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      // Only the top frame of our own page may call: an iframe or a page navigated elsewhere may not.
      if (!frame || frame.parent !== null || !isOwnRendererUrl(frame.url)) {
        logger.warn('IPC call refused: untrusted sender', { method, senderUrl: frame?.url ?? null });
        return failure('FORBIDDEN_SENDER');
      }
      try {
        // core.invoke validates `input` with the contract's zod schema and never throws by design;
        // the catch keeps that promise even if it is broken, so the renderer never sees a rejection.
        return await core.invoke(method, input);
      } catch (error) {
        logger.error('core.invoke threw', { method, error: error instanceof Error ? error.name : typeof error });
        return failure('INTERNAL_ERROR');
      }
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(method);
  };
}

function failure(code: ErrorCode): Result<never> {
  // The shell does not know the user's language before the store opens; the UI translates by code.
  return { ok: false, error: { code, message: errorMessage(code, defaultLanguage) } };
}
