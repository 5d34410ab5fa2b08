// The central portal's address as the shells take it from a flag or the environment, checked once.

/**
 * Returns the portal's base URL (http or https, no trailing slash), or undefined when `value` is
 * absent or blank. Throws an Error naming `source` (e.g. `--portal-url`) when it is not usable.
 */
export function parsePortalUrl(value: string | undefined, source: string): string | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`${source}: not a URL: ${text}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${source}: must be an http:// or https:// address, not ${url.protocol}`);
  }
  // Credentials in the address would end up in logs and on the About page; sign-in is the way in.
  if (url.username || url.password) throw new Error(`${source}: must not contain a user name or password`);
  if (url.search || url.hash) throw new Error(`${source}: a base address has no query or fragment: ${text}`);
  return url.href.replace(/\/+$/, '');
}
