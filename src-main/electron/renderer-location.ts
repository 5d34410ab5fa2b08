// Where our renderer lives (built file or dev server) and whether a URL belongs to it.
import { pathToFileURL } from 'node:url';

export type RendererLocation =
  /** The built renderer: out/renderer/index.html, loaded over file://. */
  | { kind: 'file'; indexFile: string }
  /** `electron-vite dev`: the Vite dev server; only honoured in an unpackaged app. */
  | { kind: 'dev-server'; url: string };

export function resolveRendererLocation(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  indexFile: string;
}): RendererLocation {
  // A packaged app ignores ELECTRON_RENDERER_URL: an environment variable must not be able to point
  // the privileged window (and its IPC bridge) at another site.
  if (!options.isPackaged && options.devServerUrl && isHttpUrl(options.devServerUrl)) {
    return { kind: 'dev-server', url: options.devServerUrl };
  }
  return { kind: 'file', indexFile: options.indexFile };
}

/** The URL the window loads. */
export function rendererEntryUrl(location: RendererLocation): string {
  return location.kind === 'file' ? pathToFileURL(location.indexFile).href : location.url;
}

/**
 * True when `candidate` is a page of our renderer. For file:// every file shares the opaque origin
 * "null", so the exact index.html path is required (hash routing keeps it constant); for the dev
 * server the origin must match.
 */
export function isOwnRendererUrl(location: RendererLocation, candidate: string): boolean {
  const url = parseUrl(candidate);
  if (!url) return false;
  if (location.kind === 'file') {
    const entry = new URL(rendererEntryUrl(location));
    return url.protocol === 'file:' && url.host === '' && url.pathname === entry.pathname;
  }
  const devServer = parseUrl(location.url);
  return devServer !== null && url.origin === devServer.origin;
}

export function isHttpUrl(candidate: string): boolean {
  const url = parseUrl(candidate);
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:');
}

function parseUrl(candidate: string): URL | null {
  try {
    return new URL(candidate);
  } catch {
    return null;
  }
}
