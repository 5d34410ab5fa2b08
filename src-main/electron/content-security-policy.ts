// The renderer's Content-Security-Policy, sent as a response header (the renderer's meta tag matches it).
import type { RendererLocation } from './renderer-location';

const productionDirectives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Mantine injects <style> elements at run time.
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export function contentSecurityPolicy(location: RendererLocation): string {
  const directives = structuredClone(productionDirectives);
  if (location.kind === 'dev-server') {
    // Only `electron-vite dev`: React Fast Refresh injects an inline preamble and HMR uses a WebSocket.
    const devServer = new URL(location.url);
    directives['script-src']!.push("'unsafe-inline'");
    directives['connect-src']!.push(`ws://${devServer.host}`);
  }
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
