// Electron entry: one instance, the core behind IPC, one hardened window, updates; nothing else.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session } from 'electron';
import { eventChannel } from '../../src-common/contract';
import { errorMessage, hasErrorCode } from '../../src-common/errors';
import { createCore, parsePortalUrl, type Core } from '../core';
import { createConsoleLogger } from '../core/logger';
import { registerIpcHandlers } from './ipc.handlers';
import { createOsKeychain } from './os-keychain';
import { isOwnRendererUrl, resolveRendererLocation } from './renderer-location';
import { applySessionPolicy } from './session-policy';
import { startUpdateChecks } from './updater';
import { createMainWindow, restrictNavigation } from './window';

const logger = createConsoleLogger('electron');

// out/main/index.js sits beside out/preload and out/renderer.
const preloadFile = join(import.meta.dirname, '../preload/index.cjs');
const location = resolveRendererLocation({
  isPackaged: app.isPackaged,
  devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  indexFile: join(import.meta.dirname, '../renderer/index.html'),
});

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

// A second instance would open the same encrypted store: hand over to the first one instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => restrictNavigation(contents, location));
  app.whenReady().then(start, (error: unknown) => fatal('app did not become ready', error));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
  app.on('will-quit', closeCoreThenQuit);
}

async function start(): Promise<void> {
  applySessionPolicy(session.defaultSession, location);
  let portalUrl: string | undefined;
  try {
    // `npm start` sets it to the embedded demo portal; a deployment may point it at the real one.
    portalUrl = parsePortalUrl(process.env['LABORDESK_PORTAL_URL'], 'LABORDESK_PORTAL_URL');
  } catch (error) {
    // A configuration mistake by whoever launched the app: say exactly what is wrong.
    const reason = error instanceof Error ? error.message : String(error);
    logger.error('invalid configuration', { reason });
    dialog.showErrorBox('LaborDesk', reason);
    app.exit(1);
    return;
  }
  try {
    core = await createCore({
      appVersion: app.getVersion(),
      shell: 'electron',
      dataDir: join(app.getPath('userData'), 'store'),
      migrationsDir: join(app.getAppPath(), 'src-main/core/db/migrations'),
      resourcesDir: join(app.getAppPath(), 'resources'),
      // safeStorage works only after 'ready'; the vault needs a passphrase when this is null.
      key: { kind: 'vault', osKeychain: createOsKeychain(safeStorage, process.platform) },
      logger: createConsoleLogger('core'),
      portalUrl,
    });
  } catch (error) {
    fatal('the core did not start', error);
    return;
  }
  registerIpcHandlers({
    ipcMain,
    core,
    isOwnRendererUrl: (url) => isOwnRendererUrl(location, url),
    logger,
  });
  core.onEvent((topic, payload) => {
    if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(eventChannel, topic, payload);
  });
  openMainWindow();
  startUpdateChecks({ core, isPackaged: app.isPackaged, logger });
}

function openMainWindow(): void {
  mainWindow = createMainWindow({ location, preloadFile });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Quitting waits for the store to close cleanly (WAL checkpoint), then quits for real. */
function closeCoreThenQuit(event: { preventDefault(): void }): void {
  if (!core) return;
  const closing = core;
  core = null;
  event.preventDefault();
  closing
    .close()
    .catch((error: unknown) => logger.error('closing the core failed', { error: describeError(error) }))
    .finally(() => app.quit());
}

function fatal(what: string, error: unknown): void {
  // Only the error code (or class name) is logged and shown: messages of low-level errors may quote
  // paths or settings. The user reads the coded message in both languages; 'vi' comes first.
  logger.error(what, { error: describeError(error) });
  const code = hasErrorCode(error) ? error.code : 'INTERNAL_ERROR';
  dialog.showErrorBox('LaborDesk', `${errorMessage(code, 'vi')}\n\n${errorMessage(code, 'en')}\n\n(${code})`);
  app.exit(1);
}

function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'unknown error';
}
