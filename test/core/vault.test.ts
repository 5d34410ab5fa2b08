// The store key's vault: OS keychain, passphrase, and the recovery key when the keychain is lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VAULT_FILE, type OsKeychain } from '../../src-main/core/index';
import { createTestCore, expectOk, removeTempDirs, tempDir } from '../helpers/temp-core';

afterEach(removeTempDirs);

/** An OS keychain stand-in with its own secret, as safeStorage has per OS account. */
function keychain(secret: number): OsKeychain {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ secret));
  return {
    encrypt: (text) => Buffer.concat([Buffer.from('kc:'), xor(Buffer.from(text, 'utf8'))]),
    decrypt: (blob) => {
      if (!blob.subarray(0, 3).equals(Buffer.from('kc:'))) throw new Error('not ours');
      const text = xor(blob.subarray(3)).toString('utf8');
      if (!/^[A-Za-z0-9+/=]+$/.test(text)) throw new Error('keychain cannot decrypt');
      return text;
    },
  };
}

describe('vault', () => {
  it('sets up with the OS keychain, reopens silently, and shows the recovery key only once', async () => {
    const dataDir = tempDir();
    const first = await createTestCore({ dataDir, key: { kind: 'vault', osKeychain: keychain(0x5a) } });
    expect(expectOk(await first.invoke('vault:status', {}))).toMatchObject({ state: 'needs-setup', osKeychainAvailable: true });
    const setup = expectOk(await first.invoke('vault:setup', {})) as { recoveryKey: string };
    expect(setup.recoveryKey).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    expectOk(await first.invoke('settings:set', { portalUrl: 'https://portal.gov.vn' }));
    expect((await first.invoke('vault:setup', {})) as { ok: boolean; error?: { code: string } }).toMatchObject({
      ok: false,
      error: { code: 'STORE_ALREADY_SET_UP' },
    });
    await first.close();

    const vaultText = readFileSync(join(dataDir, VAULT_FILE), 'utf8');
    expect(vaultText).not.toContain(setup.recoveryKey.replace(/-/g, ''));

    const again = await createTestCore({ dataDir, key: { kind: 'vault', osKeychain: keychain(0x5a) } });
    expect(expectOk(await again.invoke('vault:status', {}))).toMatchObject({ state: 'open' });
    expect(expectOk(await again.invoke('settings:get', {}))).toMatchObject({ portalUrl: 'https://portal.gov.vn' });
    await again.close();
  });

  it('unlocks with the recovery key after the OS keychain lost the key, then re-protects it', async () => {
    const dataDir = tempDir();
    const original = await createTestCore({ dataDir, key: { kind: 'vault', osKeychain: keychain(0x5a) } });
    const { recoveryKey } = expectOk(await original.invoke('vault:setup', {})) as { recoveryKey: string };
    expectOk(await original.invoke('settings:set', { portalUrl: 'https://portal.gov.vn/kept' }));
    await original.close();

    // "Windows reinstalled": a new keychain that cannot read the old blob.
    const reinstalled = await createTestCore({ dataDir, key: { kind: 'vault', osKeychain: keychain(0x13) } });
    expect(expectOk(await reinstalled.invoke('vault:status', {}))).toEqual({
      state: 'locked',
      osKeychainAvailable: true,
      unlockMethods: ['recovery-key'],
    });
    expect(await reinstalled.invoke('settings:get', {})).toMatchObject({ ok: false, error: { code: 'STORE_LOCKED' } });
    const wrong = await reinstalled.invoke('vault:unlock', { recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VAULT_UNLOCK_FAILED' } });
    // Typed in lower case without dashes, as people do.
    const typed = recoveryKey.replace(/-/g, '').toLowerCase();
    expect(expectOk(await reinstalled.invoke('vault:unlock', { recoveryKey: typed }))).toMatchObject({ state: 'open' });
    expect(expectOk(await reinstalled.invoke('settings:get', {}))).toMatchObject({ portalUrl: 'https://portal.gov.vn/kept' });
    await reinstalled.close();

    // The new keychain now holds the key: the next start opens silently.
    const next = await createTestCore({ dataDir, key: { kind: 'vault', osKeychain: keychain(0x13) } });
    expect(expectOk(await next.invoke('vault:status', {}))).toMatchObject({ state: 'open' });
    await next.close();
  });

  it('requires a passphrase when there is no OS keychain, and never stores a plaintext key', async () => {
    const dataDir = tempDir();
    const core = await createTestCore({ dataDir, key: { kind: 'vault', osKeychain: null } });
    expect(await core.invoke('vault:setup', {})).toMatchObject({ ok: false, error: { code: 'VAULT_PASSPHRASE_REQUIRED' } });
    expect(await core.invoke('vault:setup', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'passphrase' }] } },
    });
    const { recoveryKey } = expectOk(await core.invoke('vault:setup', { passphrase: 'Mật khẩu đủ dài 2026' })) as {
      recoveryKey: string;
    };
    await core.close();
    const vault = JSON.parse(readFileSync(join(dataDir, VAULT_FILE), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(vault).sort()).toEqual(['passphrase', 'recovery', 'version']);

    const locked = await createTestCore({ dataDir, key: { kind: 'vault', osKeychain: null } });
    expect(expectOk(await locked.invoke('vault:status', {}))).toMatchObject({
      state: 'locked',
      unlockMethods: ['passphrase', 'recovery-key'],
    });
    expect(await locked.invoke('vault:unlock', { passphrase: 'Mật khẩu sai nhưng dài' })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_UNLOCK_FAILED' },
    });
    // NFD input (macOS keyboards) unlocks a passphrase set in NFC.
    const nfd = 'Mật khẩu đủ dài 2026'.normalize('NFD');
    expect(expectOk(await locked.invoke('vault:unlock', { passphrase: nfd }))).toMatchObject({ state: 'open' });
    await locked.close();

    const viaRecovery = await createTestCore({ dataDir, key: { kind: 'vault', osKeychain: null } });
    expect(expectOk(await viaRecovery.invoke('vault:unlock', { recoveryKey }))).toMatchObject({ state: 'open' });
    const audit = expectOk(await viaRecovery.invoke('audit:list', {})) as { entries: { action: string }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(['vault.unlocked', 'vault.unlocked', 'vault.created']);
    await viaRecovery.close();
  });
});
