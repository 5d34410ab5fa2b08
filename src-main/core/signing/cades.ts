// Detached CMS SignedData, CAdES-BES: signed attributes contentType, signingTime, messageDigest and
// signingCertificateV2, signed by a key we never see (the token signs the DER of the attributes).
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

const oid = {
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

export interface CadesInput {
  /** The exact bytes signed (not embedded: the signature is detached). */
  content: Uint8Array;
  /** The signer's certificate, DER. */
  certificateDer: Uint8Array;
  keyAlgorithm: KeyAlgorithm;
  signingTime: Date;
  /**
   * Signs the DER of the signed attributes: SHA-256 + RSA PKCS#1 v1.5, or SHA-256 + ECDSA giving r||s
   * (as PKCS#11 returns it). The token does this; the key never leaves it.
   */
  sign(toBeSigned: Uint8Array): Promise<Uint8Array>;
}

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
// A copy with its own buffer: a Node Buffer may be a view into a shared pool.
const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

/** ESS SigningCertificateV2 with one ESSCertIDv2 (SHA-256, the default, so its algorithm is omitted). */
function signingCertificateV2(certificateDer: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificateDer)) })] })] })],
  });
}

/** PKCS#11 ECDSA gives r||s; CMS wants DER Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array) => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start += 1;
    const trimmed = bytes.slice(start);
    return new asn1js.Integer({ valueHex: toArrayBuffer(trimmed[0]! & 0x80 ? Uint8Array.of(0, ...trimmed) : trimmed) });
  };
  return new Uint8Array(new asn1js.Sequence({ value: [integer(raw.slice(0, half)), integer(raw.slice(half))] }).toBER());
}

/** DER order of a SET OF: by the encodings, shorter first when one is a prefix (X.690 11.6). */
function sortDer(encodings: Uint8Array[]): Uint8Array[] {
  return [...encodings].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
}

/** Per signing certificate (the same DER object for a whole batch): parsed once, ESS attribute encoded once. */
interface SignerParts {
  certificate: pkijs.Certificate;
  sid: pkijs.IssuerAndSerialNumber;
  /** DER of the signingCertificateV2 attribute (SHA-256 of the certificate). */
  essAttributeDer: Uint8Array;
}
const signerPartsCache = new WeakMap<Uint8Array, SignerParts>();

function signerParts(certificateDer: Uint8Array): SignerParts {
  let parts = signerPartsCache.get(certificateDer);
  if (!parts) {
    const certificate = pkijs.Certificate.fromBER(toArrayBuffer(certificateDer));
    parts = {
      certificate,
      sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
      essAttributeDer: new Uint8Array(attribute(oid.signingCertificateV2, signingCertificateV2(certificateDer)).toSchema().toBER()),
    };
    signerPartsCache.set(certificateDer, parts);
  }
  return parts;
}

/** DER length octets. */
function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** Builds the detached CAdES-BES signature (DER ContentInfo, the .p7s bytes). */
export async function createCadesBes(input: CadesInput): Promise<Uint8Array> {
  const { certificate, sid, essAttributeDer } = signerParts(input.certificateDer);
  const encodings = [
    new Uint8Array(attribute(oid.contentType, new asn1js.ObjectIdentifier({ value: oid.data })).toSchema().toBER()),
    new Uint8Array(attribute(oid.signingTime, new asn1js.UTCTime({ valueDate: input.signingTime })).toSchema().toBER()),
    new Uint8Array(attribute(oid.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(input.content)) })).toSchema().toBER()),
    essAttributeDer,
  ];
  // Signed attributes are a SET OF: DER wants them sorted (BouncyCastle-based verifiers insist).
  const sorted = sortDer(encodings);
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: sorted.map((der) => pkijs.Attribute.fromBER(toArrayBuffer(der))),
  });
  // What is signed is the attributes' DER with the SET tag (0x31), not the [0] IMPLICIT tag used inside:
  // the sorted encodings concatenated under a SET header (no parse and re-encode).
  const body = sorted.reduce((n, der) => n + der.length, 0);
  const setOf = new Uint8Array([0x31, ...derLength(body), ...sorted.flatMap((der) => Array.from(der))]);
  const rawSignature = await input.sign(setOf);
  const signature = input.keyAlgorithm === 'ec' ? ecdsaRawToDer(rawSignature) : rawSignature;

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid,
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 }),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      input.keyAlgorithm === 'ec' ? { algorithmId: oid.ecdsaWithSha256 } : { algorithmId: oid.rsaEncryption, algorithmParams: new asn1js.Null() },
    ),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: oid.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: oid.data }),
    certificates: [certificate],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: oid.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
