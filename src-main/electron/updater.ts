// Auto-update from the generic feed in the `updateFeedUrl` setting; packaged builds only, never fatal.
import { SettingsSchema } from '../../src-common/contract';
import type { Core } from '../core/core.types';
import type { Logger } from '../core/logger';

export interface UpdateCheckOptions {
  core: Pick<Core, 'invoke' | 'onEvent'>;
  isPackaged: boolean;
  logger: Logger;
}

/**
 * Checks once the store is open (the setting lives in it) and again whenever the feed URL changes.
 * Returns the function that stops listening.
 */
export function startUpdateChecks(options: UpdateCheckOptions): () => void {
  const { core, isPackaged, logger } = options;
  // An unpackaged app has no update metadata to compare with; electron-updater would only error.
  if (!isPackaged) return () => {};

  let checkedFeedUrl = '';
  let queue = Promise.resolve();

  const checkIfFeedChanged = async () => {
    const settings = await core.invoke('settings:get', {});
    // STORE_LOCKED until the user unlocks the vault; the 'vault:changed' event brings us back.
    if (!settings.ok) return;
    const parsed = SettingsSchema.safeParse(settings.value);
    const feedUrl = parsed.success ? parsed.data.updateFeedUrl : '';
    if (feedUrl === '' || feedUrl === checkedFeedUrl) return;
    checkedFeedUrl = feedUrl;
    // Installers from plain http could be swapped on the way; only a TLS feed is trusted.
    if (!feedUrl.toLowerCase().startsWith('https://')) {
      logger.warn('update feed ignored: it must be an https:// address');
      return;
    }
    const { autoUpdater } = (await import('electron-updater')).default;
    autoUpdater.logger = updaterLogger(logger);
    // Without an 'error' listener EventEmitter would throw the error and take the main process down.
    if (autoUpdater.listenerCount('error') === 0) {
      autoUpdater.on('error', (error) => logger.error('update failed', { error: describeError(error) }));
    }
    autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
    await autoUpdater.checkForUpdatesAndNotify();
  };

  const scheduleCheck = () => {
    // Serialised, so two quick events never start two downloads.
    queue = queue
      .then(checkIfFeedChanged)
      .catch((error: unknown) => logger.error('update check failed', { error: describeError(error) }));
  };

  scheduleCheck();
  return core.onEvent((topic) => {
    if (topic === 'vault:changed' || topic === 'settings:changed') scheduleCheck();
  });
}

/** electron-updater logs free-form values; ours takes a message string. */
function updaterLogger(logger: Logger) {
  return {
    info: (message?: unknown) => logger.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => logger.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => logger.error(`updater: ${String(message)}`),
  };
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
