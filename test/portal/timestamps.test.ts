// The portal's RFC 3161 TSA: a signature made on the SoftHSM2 token is timestamped over HTTP; openssl
// ts -verify accepts the token against the portal's TSA certificate and shows the nonce; the CAdES-T
// (token added as an unsigned attribute) still passes openssl cms -verify and our CAdES verifier; the
// shared verifier accepts the timestamp and refuses an altered signature, another TSA's token and a
// changed token; requests it cannot serve get a PKIStatus rejection with the failInfo, not an HTTP error.
import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addSignatureTimestamp,
  createSignatureTimestampRequest,
  hasSignatureTimestamp,
  signatureValueOf,
  timestampTokenFromResponse,
  verifySignatureTimestamp,
  type TimestampRequest,
} from '../../src-common/signing/timestamp';
import { verifyCadesDetached } from '../../src-common/signing/verify-cades';
import { removeTempDirs, tempDir } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';
import { enterpriseProfile, signedInAccount } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

let signer: OpenTestToken;
let portal: TestPortal;
let session: string;
let tsaPem: string;
let tsaDer: Uint8Array;
const dir = tempDir('labordesk-tsa-');
const content = new TextEncoder().encode('{"filingId":"hs-01","title":"Đăng ký hợp đồng cung ứng"}');

beforeAll(async () => {
  signer = await openTestToken({ mst: '0100684378' });
  portal = await startTestPortal();
  const { id } = await portal.services.admin.createEnterprise({ taxCode: '0100684378', profile: enterpriseProfile('01') });
  session = (await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: id })).token;
  const certificate = await fetch(`${portal.url}/api/v1/tsa/certificate`);
  expect(certificate.headers.get('content-type')).toContain('application/x-pem-file');
  tsaPem = await certificate.text();
  tsaDer = new Uint8Array(new X509Certificate(tsaPem).raw);
  writeFileSync(join(dir, 'tsa.pem'), tsaPem);
  writeFileSync(join(dir, 'content.bin'), content);
});
afterAll(async () => {
  signer?.close();
  await portal?.close();
  removeTempDirs();
});

async function askTsa(target: TestPortal, query: Uint8Array, token: string | null = session) {
  const response = await fetch(`${target.url}/api/v1/tsa`, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: Buffer.from(query),
  });
  return { status: response.status, type: response.headers.get('content-type'), body: new Uint8Array(await response.arrayBuffer()) };
}

function openssl(args: string[]) {
  const run = spawnSync('openssl', args, { encoding: 'utf8' });
  return { ok: run.status === 0, out: `${run.stdout}${run.stderr}` };
}

/** Timestamps `p7s` at `target` and returns the answer, the request and the CAdES-T. */
async function stamp(target: TestPortal, p7s: Uint8Array, token = session) {
  const request = await createSignatureTimestampRequest(p7s);
  const answer = await askTsa(target, request.der, token);
  expect(answer).toMatchObject({ status: 200, type: 'application/timestamp-reply' });
  const cadesT = addSignatureTimestamp(p7s, timestampTokenFromResponse(answer.body, request));
  return { request, reply: answer.body, cadesT };
}

/** A TimeStampReq with chosen fields (to build the requests the TSA must refuse). */
function rawRequest(fields: { version?: number; hashOid?: string; hashLength?: number }): Uint8Array {
  return new Uint8Array(
    new pkijs.TimeStampReq({
      version: fields.version ?? 1,
      messageImprint: new pkijs.MessageImprint({
        hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: fields.hashOid ?? '2.16.840.1.101.3.4.2.1' }),
        hashedMessage: new asn1js.OctetString({ valueHex: new Uint8Array(fields.hashLength ?? 32).fill(7).buffer }),
      }),
      certReq: true,
    })
      .toSchema()
      .toBER(),
  );
}

function statusOf(reply: Uint8Array): { status: number; failInfo: string | null } {
  const response = pkijs.TimeStampResp.fromBER(Uint8Array.from(reply).buffer);
  const bits = response.status.failInfo?.valueBlock;
  if (!bits) return { status: response.status.status, failInfo: null };
  const all = Array.from(bits.valueHexView, (b) => b.toString(2).padStart(8, '0')).join('');
  return { status: response.status.status, failInfo: all.slice(0, all.length - bits.unusedBits) };
}

const hexOf = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe(`RFC 3161 timestamps (${storageKind})`, () => {
  it('timestamps a token signature; openssl ts -verify accepts it against the TSA certificate and shows the nonce', async () => {
    const p7s = await signer.sign(content);
    expect(hasSignatureTimestamp(p7s)).toBe(false);
    const { request, reply, cadesT } = await stamp(portal, p7s);
    writeFileSync(join(dir, 'resp.tsr'), reply);
    writeFileSync(join(dir, 'signature-value.bin'), signatureValueOf(p7s));

    const verified = openssl(['ts', '-verify', '-in', join(dir, 'resp.tsr'), '-data', join(dir, 'signature-value.bin'), '-CAfile', join(dir, 'tsa.pem')]);
    expect(verified.out).toContain('Verification: OK');
    const printed = openssl(['ts', '-reply', '-in', join(dir, 'resp.tsr'), '-text']);
    expect(printed.out).toContain('Status: Granted');
    expect(printed.out.toLowerCase()).toContain(`nonce: 0x${hexOf(request.nonce)}`);
    expect(printed.out).toContain('Policy OID: 2.25.151557628872409691636909127870251425634');
    expect(printed.out).toMatch(/Time stamp: Nov 23 08:00:00 2026 GMT/);

    // The CAdES-T: every signed byte as before, so the CAdES-BES still verifies (openssl -cades checks ESS too).
    expect(hasSignatureTimestamp(cadesT)).toBe(true);
    expect(hexOf(signatureValueOf(cadesT))).toBe(hexOf(signatureValueOf(p7s)));
    writeFileSync(join(dir, 'cades-t.p7s'), cadesT);
    const cms = openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-cades', '-purpose', 'any', '-content', join(dir, 'content.bin'), '-in', join(dir, 'cades-t.p7s'), '-CAfile', signer.token.caCertPem, '-out', '/dev/null']);
    expect(cms.out).toContain('Verification successful');
    expect(openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'cades-t.p7s')]).out).toContain('id-smime-aa-timeStampToken');
    expect(await verifyCadesDetached(cadesT, content, { trustedCertificates: signer.trustList() })).toMatchObject({ valid: true });

    expect(await verifySignatureTimestamp(cadesT, [tsaDer])).toEqual({ valid: true, time: '2026-11-23T08:00:00.000Z', tsaName: 'LaborDesk Portal TSA' });
    // Stamping again replaces the timestamp instead of piling them up.
    portal.clock.advance(60_000);
    const again = await stamp(portal, cadesT);
    expect(await verifySignatureTimestamp(again.cadesT, [tsaDer])).toMatchObject({ valid: true, time: '2026-11-23T08:01:00.000Z' });
  });

  it('refuses a missing timestamp, an altered signature, a changed token and another TSA’s token', async () => {
    const p7s = await signer.sign(content);
    expect(await verifySignatureTimestamp(p7s, [tsaDer])).toEqual({ valid: false, code: 'SIGNATURE_TIMESTAMP_MISSING' });
    const { cadesT } = await stamp(portal, p7s);

    // One byte of the signature value changed: the token no longer covers it.
    const value = signatureValueOf(cadesT);
    const at = Buffer.from(cadesT).indexOf(Buffer.from(value));
    const altered = Uint8Array.from(cadesT);
    altered[at + 10] = altered[at + 10]! ^ 0x01;
    expect(await verifySignatureTimestamp(altered, [tsaDer])).toMatchObject({ valid: false, code: 'SIGNATURE_TIMESTAMP_INVALID' });

    // The token's genTime changed by one second: the TSA's signature (messageDigest) no longer holds.
    const { time } = await verifySignatureTimestamp(cadesT, [tsaDer]);
    const genTime = Buffer.from(time!.replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z'), 'ascii');
    const timeAt = Buffer.from(cadesT).indexOf(genTime);
    expect(timeAt).toBeGreaterThan(0);
    const changedToken = Uint8Array.from(cadesT);
    changedToken[timeAt + 13] = changedToken[timeAt + 13]! ^ 0x01;
    expect(await verifySignatureTimestamp(changedToken, [tsaDer])).toMatchObject({ valid: false, code: 'SIGNATURE_TIMESTAMP_INVALID' });

    // A token from another portal's TSA (another key): well formed, but not from the trusted TSA.
    const other = await startTestPortal();
    try {
      const { id } = await other.services.admin.createEnterprise({ taxCode: '0100684378', profile: enterpriseProfile('01') });
      const otherSession = (await signedInAccount(other, { role: 'enterpriseAdmin', enterpriseId: id })).token;
      const foreign = await stamp(other, p7s, otherSession);
      expect(await verifySignatureTimestamp(foreign.cadesT, [tsaDer])).toMatchObject({ valid: false, code: 'SIGNATURE_TIMESTAMP_UNTRUSTED', tsaName: 'LaborDesk Portal TSA' });
      writeFileSync(join(dir, 'foreign.tsr'), foreign.reply);
      writeFileSync(join(dir, 'foreign-value.bin'), signatureValueOf(p7s));
      const refused = openssl(['ts', '-verify', '-in', join(dir, 'foreign.tsr'), '-data', join(dir, 'foreign-value.bin'), '-CAfile', join(dir, 'tsa.pem')]);
      expect(refused.out).not.toContain('Verification: OK');
    } finally {
      await other.close();
    }
  });

  it('answers a token without its certificate when certReq is false; the trusted certificate still verifies it', async () => {
    const p7s = await signer.sign(content);
    const request = await createSignatureTimestampRequest(p7s);
    const parsed = pkijs.TimeStampReq.fromBER(Uint8Array.from(request.der).buffer);
    parsed.certReq = false;
    const withoutCert: TimestampRequest = { ...request, der: new Uint8Array(parsed.toSchema().toBER()) };
    const answer = await askTsa(portal, withoutCert.der);
    const token = timestampTokenFromResponse(answer.body, withoutCert);
    expect(Buffer.from(token).includes(Buffer.from(tsaDer))).toBe(false);
    expect(await verifySignatureTimestamp(addSignatureTimestamp(p7s, token), [tsaDer])).toMatchObject({ valid: true });
  });

  it('rejects requests it cannot serve with a PKIStatus and failInfo, and needs a session', async () => {
    const rejection = 2;
    const cases = [
      { name: 'SHA-1 imprint', query: rawRequest({ hashOid: '1.3.14.3.2.26', hashLength: 20 }), failInfo: '1' }, // badAlg (bit 0)
      { name: 'unknown algorithm', query: rawRequest({ hashOid: '1.2.3.4' }), failInfo: '1' },
      { name: 'version 2', query: rawRequest({ version: 2 }), failInfo: '001' }, // badRequest (bit 2)
      { name: 'imprint of the wrong length', query: rawRequest({ hashLength: 31 }), failInfo: '001' },
      { name: 'not DER', query: new TextEncoder().encode('not a timestamp request'), failInfo: '000001' }, // badDataFormat (bit 5)
    ];
    for (const c of cases) {
      const answer = await askTsa(portal, c.query);
      expect({ name: c.name, status: answer.status, type: answer.type }).toEqual({ name: c.name, status: 200, type: 'application/timestamp-reply' });
      expect({ name: c.name, ...statusOf(answer.body) }).toEqual({ name: c.name, status: rejection, failInfo: c.failInfo });
    }
    writeFileSync(join(dir, 'rejected.tsr'), (await askTsa(portal, cases[0]!.query)).body);
    const printed = openssl(['ts', '-reply', '-in', join(dir, 'rejected.tsr'), '-text']).out;
    expect(printed).toContain('Status: Rejected.');
    expect(printed).toContain('Failure info: unrecognized or unsupported algorithm identifier');
    expect(printed).toContain('Status description: unsupported hash algorithm');

    const p7s = await signer.sign(content);
    const request = await createSignatureTimestampRequest(p7s);
    const anonymous = await askTsa(portal, request.der, null);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(new TextDecoder().decode(anonymous.body)).error.code).toBe('AUTH_REQUIRED');
    const json = await portal.call('POST', '/api/v1/tsa', { token: session, body: { query: 'x' } });
    expect(json).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
  });
});
