// Detached CMS SignedData, CAdES-BES: signed attributes contentType, signingTime, messageDigest and
// signingCertificateV2, signed by a key we never see (the token signs the DER of the attributes).
//
// Assembled from DER templates: what depends on the certificate (ESS attribute, sid, the certificate
// itself) is encoded once per signer, and per signature only the time, the digest and the signature
// are new. In a batch the token signs one filing while the next one's attributes are prepared
// (`prepareCadesBes`), so our own work hides behind the token's.
import { createHash } from 'node:crypto';
import { childrenOf, derTime, expectTlv, oid, sortDer, tag, tlv, unsignedInteger, wholeOf } from '../../../src-common/signing/der';

const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export type KeyAlgorithm = 'rsa' | 'ec';

export interface CadesParts {
  /** The exact bytes signed (not embedded: the signature is detached). */
  content: Uint8Array;
  /** The signer's certificate, DER. */
  certificateDer: Uint8Array;
  keyAlgorithm: KeyAlgorithm;
  signingTime: Date;
}

export interface CadesInput extends CadesParts {
  /**
   * Signs the DER of the signed attributes: SHA-256 + RSA PKCS#1 v1.5, or SHA-256 + ECDSA giving r||s
   * (as PKCS#11 returns it). The token does this; the key never leaves it.
   */
  sign(toBeSigned: Uint8Array): Promise<Uint8Array>;
}

/** A CAdES-BES waiting for its signature. */
export interface PreparedCades {
  /** DER of the signed attributes under a SET tag: what the token signs. */
  toBeSigned: Uint8Array;
  /** The .p7s (DER ContentInfo) once the token has signed `toBeSigned`. */
  finish(rawSignature: Uint8Array): Uint8Array;
}

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());

const attribute = (type: string, value: Uint8Array) => tlv(tag.sequence, oid(type), tlv(tag.set, value));
const sha256Algorithm = tlv(tag.sequence, oid(oids.sha256));
const contentTypeAttribute = attribute(oids.contentType, oid(oids.data));
const signatureAlgorithms = {
  rsa: tlv(tag.sequence, oid(oids.rsaEncryption), tlv(tag.null)),
  ec: tlv(tag.sequence, oid(oids.ecdsaWithSha256)),
};

/** Per signing certificate (the same DER object for a whole batch): encoded once. */
interface SignerParts {
  /** IssuerAndSerialNumber, DER, taken byte for byte from the certificate. */
  sid: Uint8Array;
  /** signingCertificateV2 attribute: one ESSCertIDv2 with the certificate's SHA-256 (default algorithm, omitted). */
  essAttribute: Uint8Array;
  /** certificates [0] IMPLICIT SET OF Certificate, holding the signer's certificate. */
  certificates: Uint8Array;
}
const signerPartsCache = new WeakMap<Uint8Array, SignerParts>();

function signerParts(certificateDer: Uint8Array): SignerParts {
  let parts = signerPartsCache.get(certificateDer);
  if (!parts) {
    // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, ... } }
    const certificate = expectTlv(certificateDer, 0, tag.sequence);
    const tbs = expectTlv(certificateDer, certificate.start, tag.sequence, certificate.end);
    const fields = childrenOf(certificateDer, tbs);
    const first = fields[0]?.tag === tag.context(0) ? 1 : 0;
    const serial = fields[first];
    const issuer = fields[first + 2];
    if (serial?.tag !== tag.integer || issuer?.tag !== tag.sequence) throw new Error('not an X.509 certificate');
    parts = {
      sid: tlv(tag.sequence, wholeOf(certificateDer, issuer), wholeOf(certificateDer, serial)),
      essAttribute: attribute(oids.signingCertificateV2, tlv(tag.sequence, tlv(tag.sequence, tlv(tag.sequence, tlv(tag.octetString, sha256(certificateDer)))))),
      certificates: tlv(tag.context(0), wholeOf(certificateDer, certificate)),
    };
    signerPartsCache.set(certificateDer, parts);
  }
  return parts;
}

/** PKCS#11 ECDSA gives r||s; CMS wants DER Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return tlv(tag.sequence, unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

/** The signed attributes of one signature, ready for the token, and how to wrap its signature. */
export function prepareCadesBes(input: CadesParts): PreparedCades {
  const signer = signerParts(input.certificateDer);
  // Signed attributes are a SET OF: DER wants them sorted (BouncyCastle-based verifiers insist).
  const sorted = sortDer([
    contentTypeAttribute,
    attribute(oids.signingTime, derTime(input.signingTime)),
    attribute(oids.messageDigest, tlv(tag.octetString, sha256(input.content))),
    signer.essAttribute,
  ]);
  // What is signed is the attributes under the SET tag (0x31); inside SignerInfo they sit under [0] IMPLICIT.
  const toBeSigned = tlv(tag.set, ...sorted);
  return {
    toBeSigned,
    finish(rawSignature) {
      const signature = input.keyAlgorithm === 'ec' ? ecdsaRawToDer(rawSignature) : rawSignature;
      const signedAttrs = Uint8Array.from(toBeSigned);
      signedAttrs[0] = tag.context(0);
      const signerInfo = tlv(
        tag.sequence,
        tlv(tag.integer, Uint8Array.of(1)),
        signer.sid,
        sha256Algorithm,
        signedAttrs,
        signatureAlgorithms[input.keyAlgorithm],
        tlv(tag.octetString, signature),
      );
      const signedData = tlv(
        tag.sequence,
        tlv(tag.integer, Uint8Array.of(1)),
        tlv(tag.set, sha256Algorithm),
        tlv(tag.sequence, oid(oids.data)),
        signer.certificates,
        tlv(tag.set, signerInfo),
      );
      return tlv(tag.sequence, oid(oids.signedData), tlv(tag.context(0), signedData));
    },
  };
}

/** Builds the detached CAdES-BES signature (DER ContentInfo, the .p7s bytes). */
export async function createCadesBes(input: CadesInput): Promise<Uint8Array> {
  const prepared = prepareCadesBes(input);
  return prepared.finish(await input.sign(prepared.toBeSigned));
}
