// The contract at the core's edge: validation with field paths, NFC normalisation, coded errors.
import { afterEach, describe, expect, it } from 'vitest';
import { contract, methods } from '../../src-common/contract';
import { createTestCore, expectOk, removeTempDirs } from '../helpers/temp-core';

afterEach(removeTempDirs);

describe('contract dispatch', () => {
  it('returns VALIDATION_FAILED with the field path, in the user language', async () => {
    const core = await createTestCore();
    const bad = await core.invoke('settings:set', { portalUrl: 'ftp://files.example', uiLanguage: 'vi' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'portalUrl' }] } } });
    expect(bad.ok === false && bad.error.message).toMatch(/Dữ liệu/);
    expectOk(await core.invoke('settings:set', { uiLanguage: 'en' }));
    const badEn = await core.invoke('settings:set', { pkcs11ModulePath: 'relative/lib.so' });
    expect(badEn).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'pkcs11ModulePath' }] } } });
    expect(badEn.ok === false && badEn.error.message).toMatch(/not valid/);
    await core.close();
  });

  it('refuses unknown fields, wrong types and unknown methods without writing anything', async () => {
    const core = await createTestCore();
    expect(await core.invoke('settings:set', { portalUrl: 'https://a.gov.vn', isAdmin: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await core.invoke('settings:set', { uiLanguage: 42 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'uiLanguage' }] } },
    });
    expect(await core.invoke('settings:drop', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await core.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(expectOk(await core.invoke('settings:get', {}))).toMatchObject({ portalUrl: '' });
    expect(expectOk(await core.invoke('audit:verify', {}))).toEqual({ intact: true, checked: 0 });
    await core.close();
  });

  it('stores Vietnamese text as NFC whatever form it arrives in', async () => {
    const core = await createTestCore();
    const nfd = '/opt/Chữ ký số/libvnpt.so'.normalize('NFD');
    const saved = expectOk(await core.invoke('settings:set', { pkcs11ModulePath: nfd })) as { pkcs11ModulePath: string };
    expect(saved.pkcs11ModulePath).toBe('/opt/Chữ ký số/libvnpt.so'.normalize('NFC'));
    await core.close();
  });

  it('emits settings:changed and progress events', async () => {
    const core = await createTestCore();
    const seen: string[] = [];
    const off = core.onEvent((topic) => seen.push(topic));
    expectOk(await core.invoke('settings:set', { uiLanguage: 'en' }));
    expectOk(await core.invoke('audit:verify', {}));
    off();
    expectOk(await core.invoke('settings:set', { uiLanguage: 'vi' }));
    expect(seen).toEqual(['settings:changed', 'progress']);
    await core.close();
  });

  it('names every method area:verb and gives each an input and output schema', () => {
    for (const method of methods) {
      expect(method).toMatch(/^[a-z]+:[a-z][a-zA-Z]*$/);
      expect(typeof contract[method].input.safeParse).toBe('function');
      expect(typeof contract[method].output.safeParse).toBe('function');
    }
  });

  it('reports the app status: version, data folder, encrypted store', async () => {
    const core = await createTestCore();
    expect(expectOk(await core.invoke('app:info', {}))).toMatchObject({
      version: '0.0.0-test',
      shell: 'web',
      keyProtection: 'config',
      db: { encrypted: true, cipher: 'sqlcipher', journalMode: 'wal', schemaVersion: 7 },
      portalUrl: null,
    });
    await core.close();
  });

  it('reports the central portal the shell was started with', async () => {
    const core = await createTestCore({ portalUrl: 'http://127.0.0.1:41655' });
    const info = expectOk(await core.invoke('app:info', {}));
    expect(info).toMatchObject({ portalUrl: 'http://127.0.0.1:41655' });
    // The output schema of the contract accepts it as sent.
    expect(contract['app:info'].output.parse(info)).toMatchObject({ portalUrl: 'http://127.0.0.1:41655' });
    await core.close();
  });
});
