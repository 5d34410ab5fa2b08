// The portal's timestamping key (ECDSA P-256) and its self-issued certificate (CN=LaborDesk Portal TSA,
// extendedKeyUsage id-kp-timeStamping critical): made at first start and kept in portal_meta, like the
// receipt key. Clients and the portal trust this certificate itself as the TSA's anchor. A production
// TSA would keep its key in an HSM and have its certificate issued by a CA.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { eq } from 'drizzle-orm';
import * as pkijs from 'pkijs';
import { timestampOids } from '../../../src-common/signing/timestamp';
import type { PortalDb } from '../db/connection';
import { portalMeta } from '../db/schema';

const metaKey = 'tsaKey';
export const tsaSubjectCommonName = 'LaborDesk Portal TSA';
/** Validity of the TSA certificate; tokens are verified at their genTime, so it must cover the portal's life. */
const certificateYears = 20;

interface StoredTsaKey {
  privateKeyPem: string;
  certificatePem: string;
}

const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

async function createCertificate(privateKey: KeyObject, publicKeySpki: Uint8Array, now: Date): Promise<string> {
  const subtle = globalThis.crypto.subtle;
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256' };
  const signingKey = await subtle.importKey('pkcs8', buffer(privateKey.export({ type: 'pkcs8', format: 'der' })), algorithm, false, ['sign']);
  const publicKey = await subtle.importKey('spki', buffer(publicKeySpki), algorithm, true, ['verify']);

  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  certificate.serialNumber = new asn1js.Integer({ valueHex: buffer(serial) });
  for (const name of [certificate.subject, certificate.issuer]) {
    name.typesAndValues.push(
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.6', value: new asn1js.PrintableString({ value: 'VN' }) }),
      new pkijs.AttributeTypeAndValue({ type: '2.5.4.10', value: new asn1js.Utf8String({ value: 'LaborDesk' }) }),
      new pkijs.AttributeTypeAndValue({ type: timestampOids.commonName, value: new asn1js.Utf8String({ value: tsaSubjectCommonName }) }),
    );
  }
  // An hour back, so a client clock slightly behind still sees the certificate as valid.
  certificate.notBefore.value = new Date(Math.floor(now.getTime() / 1000) * 1000 - 3_600_000);
  const notAfter = new Date(certificate.notBefore.value);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + certificateYears);
  certificate.notAfter.value = notAfter;
  await certificate.subjectPublicKeyInfo.importKey(publicKey);
  const keyId = createHash('sha1').update(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  certificate.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    // digitalSignature (bit 0) and nonRepudiation (bit 1): the TSA signs evidence.
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: new asn1js.BitString({ valueHex: Uint8Array.of(0xc0).buffer, unusedBits: 6 }).toBER(false) }),
    // RFC 3161 §2.3: exactly one key purpose, id-kp-timeStamping, and the extension critical.
    new pkijs.Extension({ extnID: timestampOids.extKeyUsage, critical: true, extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [timestampOids.timeStamping] }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: buffer(keyId) }).toBER(false) }),
  ];
  await certificate.sign(signingKey, 'SHA-256');
  const der = Buffer.from(certificate.toSchema().toBER());
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
}

export class TsaKey {
  private constructor(
    readonly privateKey: KeyObject,
    readonly certificatePem: string,
    readonly certificateDer: Uint8Array,
  ) {}

  /** The stored key and certificate, made (once, even with two portals starting together) when missing. */
  static async load(db: PortalDb, now: () => Date): Promise<TsaKey> {
    const [row] = await db.select().from(portalMeta).where(eq(portalMeta.key, metaKey));
    let stored = row?.value as StoredTsaKey | undefined;
    if (!stored) {
      const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const spki = new Uint8Array(pair.publicKey.export({ type: 'spki', format: 'der' }));
      const candidate: StoredTsaKey = {
        privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        certificatePem: await createCertificate(pair.privateKey, spki, now()),
      };
      // Two portals starting at once on one database: the first key wins, both use it.
      await db.insert(portalMeta).values({ key: metaKey, value: candidate }).onConflictDoNothing();
      const [winner] = await db.select().from(portalMeta).where(eq(portalMeta.key, metaKey));
      stored = winner!.value as StoredTsaKey;
    }
    const certificateDer = new Uint8Array(new X509Certificate(stored.certificatePem).raw);
    return new TsaKey(createPrivateKey(stored.privateKeyPem), stored.certificatePem, certificateDer);
  }
}
