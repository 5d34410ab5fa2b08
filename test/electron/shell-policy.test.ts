// The Electron shell's pure policies: which URLs are our renderer, the CSP, when the OS keychain counts.
import type { SafeStorage } from 'electron';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src-main/electron/content-security-policy';
import { createOsKeychain } from '../../src-main/electron/os-keychain';
import {
  isOwnRendererUrl,
  rendererEntryUrl,
  resolveRendererLocation,
} from '../../src-main/electron/renderer-location';

const indexFile = '/opt/LaborDesk/resources/app/out/renderer/index.html';

describe('renderer location', () => {
  it('uses the dev server only in an unpackaged app', () => {
    const devServerUrl = 'http://localhost:5173';
    expect(resolveRendererLocation({ isPackaged: false, devServerUrl, indexFile })).toEqual({ kind: 'dev-server', url: devServerUrl });
    expect(resolveRendererLocation({ isPackaged: true, devServerUrl, indexFile })).toEqual({ kind: 'file', indexFile });
    expect(resolveRendererLocation({ isPackaged: false, devServerUrl: 'javascript:alert(1)', indexFile })).toEqual({ kind: 'file', indexFile });
  });

  it('accepts only the built index.html, with any hash route', () => {
    const location = { kind: 'file', indexFile } as const;
    const entry = rendererEntryUrl(location);
    expect(isOwnRendererUrl(location, entry)).toBe(true);
    expect(isOwnRendererUrl(location, `${entry}#/workers?page=2`)).toBe(true);
    expect(isOwnRendererUrl(location, 'file:///opt/LaborDesk/resources/app/out/renderer/other.html')).toBe(false);
    expect(isOwnRendererUrl(location, 'file://evil-host/opt/LaborDesk/resources/app/out/renderer/index.html')).toBe(false);
    expect(isOwnRendererUrl(location, 'https://example.vn/')).toBe(false);
    expect(isOwnRendererUrl(location, 'not a url')).toBe(false);
  });

  it('accepts the dev server by origin', () => {
    const location = { kind: 'dev-server', url: 'http://localhost:5173/' } as const;
    expect(isOwnRendererUrl(location, 'http://localhost:5173/#/settings')).toBe(true);
    expect(isOwnRendererUrl(location, 'http://localhost:5174/')).toBe(false);
    expect(isOwnRendererUrl(location, 'https://localhost:5173/')).toBe(false);
  });
});

describe('content security policy', () => {
  it('is the strict policy for the built renderer', () => {
    expect(contentSecurityPolicy({ kind: 'file', indexFile })).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('relaxes scripts and sockets for the dev server only', () => {
    const policy = contentSecurityPolicy({ kind: 'dev-server', url: 'http://localhost:5173' });
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
    // The dev relaxation must not leak into the shared production directives.
    expect(contentSecurityPolicy({ kind: 'file', indexFile })).toContain("script-src 'self'; style-src");
  });
});

describe('OS keychain from safeStorage', () => {
  const fakeSafeStorage = (available: boolean, backend: ReturnType<SafeStorage['getSelectedStorageBackend']>) =>
    ({
      isEncryptionAvailable: () => available,
      getSelectedStorageBackend: () => backend,
      encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (blob: Buffer) => Buffer.from(blob).reverse().toString('utf8'),
    }) as unknown as SafeStorage;

  it('is null when encryption is unavailable', () => {
    expect(createOsKeychain(fakeSafeStorage(false, 'gnome_libsecret'), 'linux')).toBeNull();
  });

  it("is null on Linux's basic_text backend, which only obfuscates", () => {
    expect(createOsKeychain(fakeSafeStorage(true, 'basic_text'), 'linux')).toBeNull();
  });

  it('wraps and unwraps through safeStorage otherwise', () => {
    const keychain = createOsKeychain(fakeSafeStorage(true, 'kwallet6'), 'linux');
    expect(keychain).not.toBeNull();
    const blob = keychain!.encrypt('secret');
    expect(blob.toString('utf8')).not.toBe('secret');
    expect(keychain!.decrypt(blob)).toBe('secret');
    expect(createOsKeychain(fakeSafeStorage(true, 'unknown'), 'win32')).not.toBeNull();
  });
});
