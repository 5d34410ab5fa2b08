// The one application window and the navigation rules every web page in the app is held to.
import { BrowserWindow, shell, type WebContents } from 'electron';
import { isHttpUrl, isOwnRendererUrl, type RendererLocation } from './renderer-location';

export interface MainWindowOptions {
  location: RendererLocation;
  /** Absolute path of the built, CommonJS preload (out/preload/index.cjs). */
  preloadFile: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'LaborDesk',
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  });
  // Showing only once painted avoids a white flash while the renderer boots.
  window.once('ready-to-show', () => window.show());
  const { location } = options;
  void (location.kind === 'file' ? window.loadFile(location.indexFile) : window.loadURL(location.url));
  return window;
}

/**
 * Applied to every WebContents the app creates (main.ts hooks 'web-contents-created'), so a page
 * can neither leave our renderer, nor open windows, nor embed a <webview>.
 */
export function restrictNavigation(contents: WebContents, location: RendererLocation): void {
  const keepInApp = (event: { preventDefault(): void }, url: string) => {
    if (isOwnRendererUrl(location, url)) return;
    event.preventDefault();
    openExternally(url);
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

/** Links to web sites open in the user's browser; file:, javascript:, custom schemes etc. do nothing. */
function openExternally(url: string): void {
  if (!isHttpUrl(url)) return;
  shell.openExternal(url).catch(() => {
    // No browser configured: nothing useful to tell the user from here.
  });
}
