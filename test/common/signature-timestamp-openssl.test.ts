// verifySignatureTimestamp against tokens from another TSA implementation: OpenSSL's `ts -reply`, with
// a TSA certificate issued by a CA (the chain path, not the self-issued anchor the portal uses) and
// both ESS forms (signingCertificate with SHA-1, signingCertificateV2 with SHA-256). Also: a CA-issued
// TSA certificate without the critical timeStamping EKU is refused, and so is an untrusted CA.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSignatureTimestamp, signatureValueOf, verifySignatureTimestamp } from '../../src-common/signing/timestamp';
import { removeTempDirs, tempDir } from '../helpers/temp-core';

const dir = tempDir('labordesk-openssl-tsa-');
const at = (name: string) => join(dir, name);
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
const der = (pemFile: string) => new Uint8Array(openssl('x509', '-in', at(pemFile), '-outform', 'DER'));

let p7s: Uint8Array;

/** A TSA key and certificate issued by `ca`, with the given extensions, plus an OpenSSL TSA config. */
function makeTsa(name: string, ca: string, extensions: string, essAlgorithm: 'sha1' | 'sha256') {
  writeFileSync(at(`${name}.ext`), `[ext]\n${extensions}\n`);
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', at(`${name}.key`));
  openssl('req', '-new', '-key', at(`${name}.key`), '-subj', `/CN=${name}`, '-out', at(`${name}.csr`));
  openssl('x509', '-req', '-in', at(`${name}.csr`), '-CA', at(`${ca}.pem`), '-CAkey', at(`${ca}.key`), '-CAcreateserial', '-days', '30', '-extfile', at(`${name}.ext`), '-extensions', 'ext', '-out', at(`${name}.pem`));
  writeFileSync(at(`${name}-serial`), '01\n');
  writeFileSync(
    at(`${name}.cnf`),
    [
      '[tsa]',
      `serial = ${at(`${name}-serial`)}`,
      `signer_cert = ${at(`${name}.pem`)}`,
      `signer_key = ${at(`${name}.key`)}`,
      `certs = ${at(`${ca}.pem`)}`,
      'signer_digest = sha256',
      'default_policy = 1.2.3.4.1',
      'digests = sha256',
      `ess_cert_id_alg = ${essAlgorithm}`,
      'accuracy = secs:1',
      'ess_cert_id_chain = no',
      'tsa_name = yes',
      '',
    ].join('\n'),
  );
}

function makeCa(name: string) {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at(`${name}.key`), '-subj', `/CN=${name}`, '-days', '30', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-out', at(`${name}.pem`));
}

/** `p7s` timestamped by OpenSSL's TSA `name`. */
function stampWithOpenssl(name: string): Uint8Array {
  writeFileSync(at('value.bin'), signatureValueOf(p7s));
  openssl('ts', '-query', '-data', at('value.bin'), '-sha256', '-cert', '-out', at('q.tsq'));
  openssl('ts', '-reply', '-config', at(`${name}.cnf`), '-section', 'tsa', '-queryfile', at('q.tsq'), '-token_out', '-out', at(`${name}.token`));
  return addSignatureTimestamp(p7s, new Uint8Array(readFileSync(at(`${name}.token`))));
}

beforeAll(() => {
  makeCa('tsa-root');
  makeCa('other-root');
  const tsaExtensions = 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nextendedKeyUsage=critical,timeStamping';
  makeTsa('tsa-v2', 'tsa-root', tsaExtensions, 'sha256');
  makeTsa('tsa-v1', 'tsa-root', tsaExtensions, 'sha1');
  makeTsa('tsa-noncritical', 'tsa-root', 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=timeStamping', 'sha256');
  // A detached CMS signature to timestamp, made by OpenSSL with a throwaway signer.
  makeCa('signer');
  writeFileSync(at('content.txt'), 'Hồ sơ đăng ký hợp đồng');
  openssl('cms', '-sign', '-binary', '-in', at('content.txt'), '-signer', at('signer.pem'), '-inkey', at('signer.key'), '-outform', 'DER', '-out', at('content.p7s'));
  p7s = new Uint8Array(readFileSync(at('content.p7s')));
}, 60_000);
afterAll(() => removeTempDirs());

describe('signature timestamps from OpenSSL’s TSA', () => {
  it('accepts tokens whose TSA certificate chains to a trusted CA, with ESS signingCertificateV2 or v1', async () => {
    for (const name of ['tsa-v2', 'tsa-v1']) {
      const cadesT = stampWithOpenssl(name);
      expect({ name, verdict: await verifySignatureTimestamp(cadesT, [der('tsa-root.pem')]) }).toMatchObject({ name, verdict: { valid: true, tsaName: name } });
      // Adding the timestamp leaves the signature verifiable by OpenSSL.
      writeFileSync(at('cades-t.p7s'), cadesT);
      expect(() => openssl('cms', '-verify', '-binary', '-inform', 'DER', '-in', at('cades-t.p7s'), '-content', at('content.txt'), '-CAfile', at('signer.pem'), '-purpose', 'any', '-out', '/dev/null')).not.toThrow();
    }
  });

  it('refuses a TSA certificate without a critical timeStamping EKU, and a TSA under an untrusted CA', async () => {
    // OpenSSL's TSA will not sign with such a certificate, so re-sign a real token's TSTInfo with it.
    stampWithOpenssl('tsa-v2');
    openssl('cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', at('tsa-v2.token'), '-out', at('tstinfo.der'));
    openssl('cms', '-sign', '-binary', '-nodetach', '-cades', '-nosmimecap', '-econtent_type', '1.2.840.113549.1.9.16.1.4', '-in', at('tstinfo.der'), '-signer', at('tsa-noncritical.pem'), '-inkey', at('tsa-noncritical.key'), '-outform', 'DER', '-out', at('noncritical.token'));
    const resigned = addSignatureTimestamp(p7s, new Uint8Array(readFileSync(at('noncritical.token'))));
    expect(await verifySignatureTimestamp(resigned, [der('tsa-root.pem')])).toMatchObject({ valid: false, code: 'SIGNATURE_TIMESTAMP_INVALID', tsaName: 'tsa-noncritical' });
    expect(await verifySignatureTimestamp(stampWithOpenssl('tsa-v2'), [der('other-root.pem')])).toMatchObject({ valid: false, code: 'SIGNATURE_TIMESTAMP_UNTRUSTED' });
  });
});
