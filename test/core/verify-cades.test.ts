// The shared CAdES verifier on its own: signatures from the SoftHSM2 token (RSA and EC) and from
// OpenSSL (another signer), a long-lived CadesVerifier giving the same verdicts as one-off checks, and
// the malformed or tampered encodings it must refuse (trailing bytes, BER lengths, a repeated
// attribute, a swapped certificate).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../src-common/canonical-json';
import { childrenOf, expectTlv, readTlv, tag, tlv, wholeOf } from '../../src-common/signing/der';
import { CadesVerifier, verifyCadesDetached } from '../../src-common/signing/verify-cades';
import { removeTempDirs, tempDir } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';

let signer: OpenTestToken;
let verifier: CadesVerifier;
const content = canonicalBytes({ type: 'contractRegistration', title: 'Hợp đồng cung ứng 07/2026', workers: 12 });

beforeAll(async () => {
  signer = await openTestToken();
  verifier = new CadesVerifier(signer.trustList());
});
afterAll(() => {
  signer?.close();
  removeTempDirs();
});

/** The offsets of a p7s's SignedData fields and its one SignerInfo's fields. */
function layout(p7s: Uint8Array) {
  const contentInfo = expectTlv(p7s, 0, tag.sequence);
  const explicit = childrenOf(p7s, contentInfo)[1]!;
  const signedData = readTlv(p7s, explicit.start);
  const fields = childrenOf(p7s, signedData);
  const signerInfo = childrenOf(p7s, fields.at(-1)!)[0]!;
  return { fields, signerFields: childrenOf(p7s, signerInfo) };
}

/** Rebuilds a p7s with one SignedData field replaced (outer lengths recomputed). */
function replaceField(p7s: Uint8Array, index: number, replacement: Uint8Array): Uint8Array {
  const { fields } = layout(p7s);
  const parts = fields.map((f, i) => (i === index ? replacement : wholeOf(p7s, f)));
  const contentType = childrenOf(p7s, expectTlv(p7s, 0, tag.sequence))[0]!;
  return tlv(tag.sequence, wholeOf(p7s, contentType), tlv(tag.context(0), tlv(tag.sequence, ...parts)));
}

describe('CAdES verifier', () => {
  it('accepts RSA and EC signatures from the token, again and again from one verifier, as a one-off check does', async () => {
    for (const which of ['valid', 'ec'] as const) {
      const p7s = await signer.sign(content, which);
      const oneOff = await verifyCadesDetached(p7s, content, { trustedCertificates: signer.trustList(), expectedParty: signer.token.certs[which]!.mst });
      expect(oneOff, which).toMatchObject({ valid: true, signer: { partyId: signer.token.certs[which]!.mst } });
      for (let i = 0; i < 3; i += 1) {
        expect(await verifier.verify(p7s, content, { expectedParty: signer.token.certs[which]!.mst })).toEqual(oneOff);
      }
    }
  });

  it('keeps refusing what it refused once, whatever it has seen valid before', async () => {
    const good = await signer.sign(content);
    expect((await verifier.verify(good, content)).valid).toBe(true);
    const changed = Uint8Array.from(content);
    changed[5] = changed[5]! ^ 1;
    expect(await verifier.verify(good, changed)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
    expect(await verifier.verify(await signer.sign(content, 'expired'), content)).toMatchObject({ valid: false, code: 'CERT_EXPIRED' });
    expect(await verifier.verify(good, content, { expectedParty: 'MST:0100684378' })).toMatchObject({ valid: false, code: 'SIGNATURE_PARTY_MISMATCH' });
    // A verifier with another trust list does not trust it.
    expect(await new CadesVerifier([]).verify(good, content)).toMatchObject({ valid: false, code: 'SIGNATURE_UNTRUSTED' });
  });

  it('refuses a changed signed attribute, trailing bytes, a BER long-form length and garbage', async () => {
    const p7s = await signer.sign(content);
    // The signing time's last digit (inside the signed attributes): the token's signature no longer fits.
    const { signerFields } = layout(p7s);
    const attrs = signerFields[3]!;
    const text = Buffer.from(p7s.subarray(attrs.start, attrs.end)).toString('latin1');
    const at = attrs.start + text.search(/\d{12}Z/) + 11;
    const timeChanged = Uint8Array.from(p7s);
    timeChanged[at] = timeChanged[at] === 0x30 ? 0x31 : 0x30;
    expect(await verifier.verify(timeChanged, content)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });

    expect(await verifier.verify(Uint8Array.of(...p7s, 0), content)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
    // The outer SEQUENCE's length in a longer form than needed (BER, not DER).
    const outer = readTlv(p7s, 0);
    const length = outer.end - outer.start;
    const berLength = Uint8Array.of(0x30, 0x84, (length >>> 24) & 255, (length >>> 16) & 255, (length >>> 8) & 255, length & 255, ...p7s.subarray(outer.start));
    expect(await verifier.verify(berLength, content)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
    expect(await verifier.verify(Uint8Array.of(0x30, 0x80, 0, 0), content)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
    expect(await verifier.verify(new Uint8Array(0), content)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
  });

  it('refuses a certificate swapped for another of the same CA, and a signer it cannot find', async () => {
    const p7s = await signer.sign(content);
    const other = new Uint8Array(readFileSync(signer.token.certs.otherMst.certDer));
    const { fields } = layout(p7s);
    const certificatesIndex = fields.findIndex((f) => f.tag === tag.context(0));
    // The other certificate in place of the signer's: the signer (issuer + serial) is no longer there.
    expect(await verifier.verify(replaceField(p7s, certificatesIndex, tlv(tag.context(0), other)), content)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
    // Both certificates: the right one is found, and the ESS hash still binds it.
    const both = tlv(tag.context(0), other, childrenOf(p7s, fields[certificatesIndex]!).map((c) => wholeOf(p7s, c))[0]!);
    expect((await verifier.verify(replaceField(p7s, certificatesIndex, both), content)).valid).toBe(true);
  });

  it('refuses a repeated signed attribute', async () => {
    // Sign, on the token, attributes that carry messageDigest twice (the same value: only the repeat is wrong).
    const p7s = await signer.sign(content);
    const { signerFields } = layout(p7s);
    const attrs = childrenOf(p7s, signerFields[3]!).map((a) => wholeOf(p7s, a));
    const digestAttr = attrs.find((a) => Buffer.from(a).includes(Buffer.from('06092a864886f70d010904', 'hex')))!;
    const twice = [...attrs, digestAttr].sort(Buffer.compare);
    const signedAttrs = tlv(tag.set, ...twice);
    const signature = await signer.session.sign(signer.token.certs.valid.id, Buffer.from(signedAttrs));
    const implicit = Uint8Array.from(signedAttrs);
    implicit[0] = tag.context(0);
    const newSignerInfo = tlv(
      tag.sequence,
      ...signerFields.map((f, i) => (i === 3 ? implicit : i === 5 ? tlv(tag.octetString, signature) : wholeOf(p7s, f))),
    );
    const { fields } = layout(p7s);
    const rebuilt = replaceField(p7s, fields.length - 1, tlv(tag.set, newSignerInfo));
    expect(await verifier.verify(rebuilt, content)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
  });

  it('reads a CAdES-BES made by OpenSSL (another signer): signature and ESS hold, then the CA key may not sign', async () => {
    const dir = tempDir('labordesk-verify-');
    writeFileSync(join(dir, 'content.json'), content);
    // The test CA signs with its own software key: a different signer implementation, same standard.
    execFileSync('openssl', [
      'cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-outform', 'DER',
      '-signer', signer.token.caCertPem, '-inkey', signer.token.caKeyPem,
      '-in', join(dir, 'content.json'), '-out', join(dir, 'content.p7s'),
    ]);
    const p7s = new Uint8Array(readFileSync(join(dir, 'content.p7s')));
    const verdict = await verifier.verify(p7s, content);
    // Parsed, digest, ESS and RSA signature all fine; a CA certificate without digitalSignature may not sign filings.
    expect(verdict).toMatchObject({ valid: false, code: 'SIGNATURE_KEY_USAGE' });
    const altered = Uint8Array.from(content);
    altered[0] = altered[0]! ^ 1;
    expect(await verifier.verify(p7s, altered)).toMatchObject({ valid: false, code: 'SIGNATURE_INVALID' });
  });
});
