// The SoftHSM2 test token (test/fixtures/softhsm-token.mjs), checked with the real tools: the keys and
// certificates are on the token under matching CKA_IDs, the chain and the dates verify as intended, the
// subject keeps its Vietnamese CN and MST UID, and a signature made on the token verifies with the cert.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool without throwing: the exit code and both streams (text). */
function run(file: string, args: string[], env?: Record<string, string>): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(file, args, { encoding: 'utf8', env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a tool and fails the test, with its stderr, when it does not exit 0. */
async function ok(file: string, args: string[], env?: Record<string, string>): Promise<string> {
  const result = await run(file, args, env);
  if (result.code !== 0) throw new Error(`${file} ${args.join(' ')} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

interface P11Object {
  kind: string;
  label?: string;
  id?: string;
  access?: string;
}

/** Parses `pkcs11-tool --list-objects` into objects ("Private Key Object; RSA", then indented "key: value" lines). */
function parseObjects(listing: string): P11Object[] {
  const objects: P11Object[] = [];
  for (const line of listing.split('\n')) {
    const head = /^(Private Key|Public Key|Certificate|Data|Secret Key) Object/.exec(line);
    if (head) {
      objects.push({ kind: head[1]! });
      continue;
    }
    const field = /^\s+(label|ID|Access):\s+(.*)$/.exec(line);
    const current = objects.at(-1);
    if (field && current) {
      if (field[1] === 'label') current.label = field[2]!.trim();
      if (field[1] === 'ID') current.id = field[2]!.trim();
      if (field[1] === 'Access') current.access = field[2]!.trim();
    }
  }
  return objects;
}

describe('SoftHSM2 test token fixture', () => {
  let dir: string;
  let token: TestToken;
  let p11: string[];
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'labordesk-softhsm-'));
    token = await createTestToken(join(dir, 'token'));
    p11 = ['--module', token.module, '--token-label', token.tokenLabel, '--login', '--pin', token.userPin];
    env = { ...token.env };
  }, 30_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('describes the token and writes token.json', () => {
    expect(token.module).toBe('/usr/lib/softhsm/libsofthsm2.so');
    expect(token.env.SOFTHSM2_CONF).toBe(join(dir, 'token', 'softhsm2.conf'));
    expect(token.tokenLabel).toBe('LaborDesk Test');
    expect(Object.keys(token.certs).sort()).toEqual(['ec', 'expired', 'otherMst', 'valid']);
    expect(token.certs.valid.mst).toBe('MST:0101234567');
    expect(token.certs.expired.mst).toBe('MST:0101234567');
    expect(token.certs.otherMst.mst).toBe('MST:0312345673');
    const ids = Object.values(token.certs).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(JSON.parse(readFileSync(join(dir, 'token', 'token.json'), 'utf8'))).toEqual(token);
  });

  it('holds a never-extractable private key, its public key and its certificate under each CKA_ID', async () => {
    const objects = parseObjects(await ok('pkcs11-tool', [...p11, '--list-objects'], env));
    const certs = Object.values(token.certs);
    const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
    expect(byKind('Private Key')).toHaveLength(certs.length);
    expect(byKind('Certificate')).toHaveLength(certs.length);
    expect(byKind('Public Key')).toHaveLength(certs.length);
    for (const cert of certs) {
      const priv = byKind('Private Key').filter((o) => o.id === cert.id);
      const onToken = byKind('Certificate').filter((o) => o.id === cert.id);
      expect(priv, `private key ${cert.id}`).toHaveLength(1);
      expect(onToken, `certificate ${cert.id}`).toHaveLength(1);
      expect(priv[0]!.label).toBe(cert.label);
      expect(onToken[0]!.label).toBe(cert.label);
      // Generated on the token: local, and never left it.
      expect(priv[0]!.access).toMatch(/never extractable/);
      expect(priv[0]!.access).toMatch(/local/);
    }
    // The certificate object is the very certificate the fixture describes.
    const read = join(dir, 'read-valid.der');
    await ok('pkcs11-tool', [...p11, '--read-object', '--type', 'cert', '--id', token.certs.valid.id, '-o', read], env);
    expect(readFileSync(read).equals(readFileSync(token.certs.valid.certDer))).toBe(true);
  });

  it('chains to the test CA: valid, otherMst and ec verify; expired fails as expired', async () => {
    for (const name of ['valid', 'otherMst', 'ec'] as const) {
      const out = await ok('openssl', ['verify', '-CAfile', token.caCertPem, token.certs[name]!.certPem]);
      expect(out.trim()).toBe(`${token.certs[name]!.certPem}: OK`);
    }
    const expired = await run('openssl', ['verify', '-CAfile', token.caCertPem, token.certs.expired.certPem]);
    expect(expired.code).not.toBe(0);
    expect(expired.stdout + expired.stderr).toMatch(/certificate has expired/);
    expect(new Date(token.certs.expired.notAfter).getTime()).toBeLessThan(Date.now());
  });

  it('keeps the Vietnamese CN and the MST UID in the subject, and signing-only key usage', async () => {
    const subject = (await ok('openssl', ['x509', '-in', token.certs.valid.certPem, '-noout', '-subject', '-nameopt', 'utf8'])).trim();
    expect(subject).toBe('subject=C=VN, CN=Công ty TNHH Thử Nghiệm, UID=MST:0101234567');
    const other = await ok('openssl', ['x509', '-in', token.certs.otherMst.certPem, '-noout', '-subject', '-nameopt', 'utf8']);
    expect(other).toContain('UID=MST:0312345673');
    const issuer = await ok('openssl', ['x509', '-in', token.certs.valid.certPem, '-noout', '-issuer', '-nameopt', 'utf8']);
    expect(issuer.trim()).toBe('issuer=C=VN, O=LaborDesk, CN=LaborDesk Test CA – Không dùng thật');
    // UTF8String, not BMPString or T61String.
    const asn1 = await ok('openssl', ['asn1parse', '-in', token.certs.valid.certPem]);
    expect(asn1).toMatch(/UTF8STRING\s+:MST:0101234567/);
    const ext = await ok('openssl', ['x509', '-in', token.certs.valid.certPem, '-noout', '-ext', 'keyUsage']);
    expect(ext).toMatch(/critical/);
    expect(ext).toMatch(/Digital Signature, Non Repudiation/);
  });

  it('signs on the token (RSA SHA256-RSA-PKCS and EC ECDSA) and the certificate public key verifies it', async () => {
    const data = join(dir, 'data.bin');
    writeFileSync(data, 'Tờ khai lao động 2025 — LaborDesk\n');
    const tampered = join(dir, 'tampered.bin');
    writeFileSync(tampered, 'Tờ khai lao động 2026 — LaborDesk\n');

    const verify = async (certPem: string, sig: string, file: string) => {
      const pub = `${sig}.pub.pem`;
      await ok('openssl', ['x509', '-in', certPem, '-noout', '-pubkey', '-out', pub]);
      return run('openssl', ['dgst', '-sha256', '-verify', pub, '-signature', sig, file]);
    };

    const rsaSig = join(dir, 'valid.sig');
    await ok('pkcs11-tool', [...p11, '--sign', '--mechanism', 'SHA256-RSA-PKCS', '--id', token.certs.valid.id, '-i', data, '-o', rsaSig], env);
    expect((await verify(token.certs.valid.certPem, rsaSig, data)).stdout).toMatch(/Verified OK/);
    expect((await verify(token.certs.valid.certPem, rsaSig, tampered)).code).not.toBe(0);
    // Another certificate's key does not verify it.
    expect((await verify(token.certs.otherMst.certPem, rsaSig, data)).code).not.toBe(0);

    // SoftHSM2 2.6 has no ECDSA-SHA256 mechanism: CKM_ECDSA signs the SHA-256 digest.
    const ec = token.certs.ec!;
    const digest = join(dir, 'data.sha256');
    await ok('openssl', ['dgst', '-sha256', '-binary', '-out', digest, data]);
    const ecSig = join(dir, 'ec.sig');
    await ok('pkcs11-tool', [...p11, '--sign', '--mechanism', 'ECDSA', '--signature-format', 'openssl', '--id', ec.id, '-i', digest, '-o', ecSig], env);
    expect((await verify(ec.certPem, ecSig, data)).stdout).toMatch(/Verified OK/);
  });
});
