// RFC 3161 signature timestamps for CMS signatures (CAdES-T, RFC 5126 signature-time-stamp): build the
// request for a .p7s, read the TSA's answer, add the token as an unsigned attribute without touching a
// signed byte, and verify it against trusted TSA certificates. WebCrypto + pkijs only (no node:), so
// the client, the portal and the renderer share it.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { ErrorCode } from '../errors';

export const timestampOids = {
  /** id-aa-signatureTimeStampToken: the unsigned attribute holding the TimeStampToken. */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** id-ct-TSTInfo: the eContentType of a TimeStampToken. */
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  /** id-kp-timeStamping: the only extended key usage a TSA certificate may have (RFC 3161 §2.3). */
  timeStamping: '1.3.6.1.5.5.7.3.8',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  extKeyUsage: '2.5.29.37',
  commonName: '2.5.4.3',
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

/** Hash algorithms accepted in message imprints (SHA-1 is not: too weak for evidence). */
export const imprintHashes: Record<string, { name: 'SHA-256' | 'SHA-384' | 'SHA-512'; length: number }> = {
  [timestampOids.sha256]: { name: 'SHA-256', length: 32 },
  [timestampOids.sha384]: { name: 'SHA-384', length: 48 },
  [timestampOids.sha512]: { name: 'SHA-512', length: 64 },
};

export class TimestampError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TimestampError';
  }
}

const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const digest = async (name: string, bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest(name, buffer(bytes)));

// ---- The signature being timestamped ----

function parseSignedData(p7s: Uint8Array): pkijs.SignedData {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(buffer(p7s));
    if (contentInfo.contentType !== timestampOids.signedData) throw new Error('not SignedData');
    return new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    throw new TimestampError('SIGNATURE_INVALID', 'not a CMS SignedData');
  }
}

function firstSignerInfo(signedData: pkijs.SignedData): pkijs.SignerInfo {
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new TimestampError('SIGNATURE_INVALID', 'no SignerInfo');
  return signerInfo;
}

/**
 * The bytes a signature timestamp covers: the value of signerInfos[0].signature (the OCTET STRING's
 * contents). `openssl ts -verify -data <these bytes>` checks a token against them.
 */
export function signatureValueOf(p7s: Uint8Array): Uint8Array {
  return firstSignerInfo(parseSignedData(p7s)).signature.valueBlock.valueHexView.slice();
}

/** Whether the first signer of `p7s` carries a signature-time-stamp attribute (not whether it is valid). */
export function hasSignatureTimestamp(p7s: Uint8Array): boolean {
  const signerInfo = firstSignerInfo(parseSignedData(p7s));
  return (signerInfo.unsignedAttrs?.attributes ?? []).some((a) => a.type === timestampOids.signatureTimeStampToken);
}

// ---- Request and response (RFC 3161 §2.4) ----

export interface TimestampRequest {
  /** DER TimeStampReq, the body of POST /api/v1/tsa (application/timestamp-query). */
  der: Uint8Array;
  /** SHA-256 of the signature value: the message imprint. */
  imprint: Uint8Array;
  /** The nonce sent (a positive INTEGER's big-endian bytes); the answer must echo it. */
  nonce: Uint8Array;
}

/** A TimeStampReq (SHA-256, random 64-bit nonce, certReq) for the signature value of `p7s`. */
export async function createSignatureTimestampRequest(p7s: Uint8Array): Promise<TimestampRequest> {
  const imprint = await digest('SHA-256', signatureValueOf(p7s));
  const nonce = crypto.getRandomValues(new Uint8Array(8));
  // A positive INTEGER in its shortest form: top bit clear, first byte not zero.
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: timestampOids.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: buffer(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: buffer(nonce) }),
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER()), imprint, nonce };
}

/** PKIStatus values (RFC 3161 §2.4.2). */
export const pkiStatus = { granted: 0, grantedWithMods: 1, rejection: 2, waiting: 3, revocationWarning: 4, revocationNotification: 5 } as const;

/**
 * The TimeStampToken (DER ContentInfo) of a TSA answer to `request`: the status must be granted, the
 * token's imprint and nonce those of the request. Throws TimestampError TIMESTAMP_UNAVAILABLE
 * (refused, with the status and failInfo bits in the message) or SIGNATURE_TIMESTAMP_INVALID.
 */
export function timestampTokenFromResponse(responseDer: Uint8Array, request: TimestampRequest): Uint8Array {
  let response: pkijs.TimeStampResp;
  try {
    response = pkijs.TimeStampResp.fromBER(buffer(responseDer));
  } catch {
    throw new TimestampError('SIGNATURE_TIMESTAMP_INVALID', 'not a TimeStampResp');
  }
  const status = response.status.status;
  if ((status !== pkiStatus.granted && status !== pkiStatus.grantedWithMods) || !response.timeStampToken) {
    const failInfo = response.status.failInfo ? Array.from(response.status.failInfo.valueBlock.valueHexView, (b) => b.toString(2).padStart(8, '0')).join('') : '';
    throw new TimestampError('TIMESTAMP_UNAVAILABLE', `TSA refused: status ${status}${failInfo ? `, failInfo bits ${failInfo}` : ''}`);
  }
  // The token's bytes as sent (TimeStampResp ::= SEQUENCE { status, timeStampToken }), not a re-encoding.
  const outer = readTlv(responseDer, 0);
  const tokenTlv = childrenOf(responseDer, outer)[1]!;
  const token = responseDer.slice(tokenTlv.offset, tokenTlv.end);
  const tstInfo = tstInfoOf(parseToken(token));
  if (!equalBytes(new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView), request.imprint)) {
    throw new TimestampError('SIGNATURE_TIMESTAMP_INVALID', 'the token covers another imprint');
  }
  if (!tstInfo.nonce || !equalBytes(new Uint8Array(tstInfo.nonce.valueBlock.valueHexView), request.nonce)) {
    throw new TimestampError('SIGNATURE_TIMESTAMP_INVALID', 'the token does not echo the nonce');
  }
  return token;
}

// ---- Adding the token to the .p7s ----

interface Tlv {
  tag: number;
  offset: number;
  start: number;
  end: number;
}

/** One definite-length TLV (what a DER .p7s is made of); single-byte tags only. */
function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new TimestampError('SIGNATURE_INVALID', 'truncated DER');
  const tagByte = bytes[offset]!;
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) throw new TimestampError('SIGNATURE_INVALID', 'not DER (length)');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + bytes[start + i]!;
    start += count;
  }
  if ((tagByte & 0x1f) === 0x1f || start + length > limit) throw new TimestampError('SIGNATURE_INVALID', 'not DER');
  return { tag: tagByte, offset, start, end: start + length };
}

function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; offset = out[out.length - 1]!.end) out.push(readTlv(bytes, offset, parent.end));
  return out;
}

function encodeTlv(tagByte: number, ...parts: Uint8Array[]): Uint8Array {
  const size = parts.reduce((n, p) => n + p.length, 0);
  const length: number[] = [];
  if (size < 0x80) length.push(size);
  else {
    for (let n = size; n > 0; n = Math.floor(n / 256)) length.unshift(n % 256);
    length.unshift(0x80 | length.length);
  }
  const out = new Uint8Array(1 + length.length + size);
  out[0] = tagByte;
  out.set(length, 1);
  let at = 1 + length.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** DER order of a SET OF (X.690 11.6). */
function sortDer(encodings: Uint8Array[]): Uint8Array[] {
  return [...encodings].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
}

/**
 * `p7s` with `token` (DER TimeStampToken) as the signature-time-stamp unsigned attribute of its first
 * signer: a CAdES-T. Works on the bytes: everything but the unsigned attributes and the lengths of the
 * enclosing structures is copied as it was, so the signature (and anything hashed) is untouched. An
 * earlier signature timestamp on that signer is replaced; other unsigned attributes are kept.
 */
export function addSignatureTimestamp(p7s: Uint8Array, token: Uint8Array): Uint8Array {
  const bytes = p7s;
  const slice = (from: number, to: number) => bytes.subarray(from, to);
  const contentInfo = readTlv(bytes, 0);
  if (contentInfo.tag !== 0x30 || contentInfo.end !== bytes.length) throw new TimestampError('SIGNATURE_INVALID', 'not a DER ContentInfo');
  const [, explicitContent] = childrenOf(bytes, contentInfo);
  if (explicitContent?.tag !== 0xa0) throw new TimestampError('SIGNATURE_INVALID', 'no content');
  const signedData = childrenOf(bytes, explicitContent)[0];
  if (signedData?.tag !== 0x30) throw new TimestampError('SIGNATURE_INVALID', 'no SignedData');
  const signerInfos = childrenOf(bytes, signedData).at(-1);
  if (signerInfos?.tag !== 0x31) throw new TimestampError('SIGNATURE_INVALID', 'no signerInfos');
  const signerInfo = childrenOf(bytes, signerInfos)[0];
  if (signerInfo?.tag !== 0x30) throw new TimestampError('SIGNATURE_INVALID', 'no SignerInfo');
  const fields = childrenOf(bytes, signerInfo);
  const unsigned = fields.at(-1)?.tag === 0xa1 ? fields.at(-1)! : null;

  const timestampOid = new Uint8Array(new asn1js.ObjectIdentifier({ value: timestampOids.signatureTimeStampToken }).toBER());
  const isTimestamp = (attribute: Tlv) => {
    const type = childrenOf(bytes, attribute)[0];
    return !!type && equalBytes(slice(type.offset, type.end), timestampOid);
  };
  const kept = unsigned ? childrenOf(bytes, unsigned).filter((a) => !isTimestamp(a)).map((a) => slice(a.offset, a.end)) : [];
  const attribute = encodeTlv(0x30, timestampOid, encodeTlv(0x31, token));

  const newSignerInfo = encodeTlv(0x30, slice(signerInfo.start, unsigned ? unsigned.offset : signerInfo.end), encodeTlv(0xa1, ...sortDer([...kept, attribute])));
  const newSignerInfos = encodeTlv(0x31, newSignerInfo, slice(signerInfo.end, signerInfos.end));
  const newSignedData = encodeTlv(0x30, slice(signedData.start, signerInfos.offset), newSignerInfos, slice(signerInfos.end, signedData.end));
  const newExplicit = encodeTlv(0xa0, newSignedData, slice(signedData.end, explicitContent.end));
  return encodeTlv(0x30, slice(contentInfo.start, explicitContent.offset), newExplicit, slice(explicitContent.end, contentInfo.end));
}

// ---- Verification ----

export interface TimestampVerdict {
  valid: boolean;
  /**
   * Why not (absent when valid): SIGNATURE_TIMESTAMP_MISSING (no token), SIGNATURE_TIMESTAMP_INVALID
   * (imprint, token signature, ESS hash, EKU, or an unreadable token/p7s), SIGNATURE_TIMESTAMP_UNTRUSTED
   * (the TSA certificate does not chain to a trusted TSA certificate or was not valid at genTime).
   */
  code?: ErrorCode;
  /** genTime, ISO 8601 UTC: the signature existed at this time (present once the token could be read). */
  time?: string;
  /** The TSA certificate's common name (or its whole subject when it has none). */
  tsaName?: string;
}

function parseToken(token: Uint8Array): pkijs.SignedData {
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(buffer(token));
    if (contentInfo.contentType !== timestampOids.signedData) throw new Error('not SignedData');
    return new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    throw new TimestampError('SIGNATURE_TIMESTAMP_INVALID', 'the timestamp token is not a CMS SignedData');
  }
}

function tstInfoOf(signedData: pkijs.SignedData): pkijs.TSTInfo {
  const eContent = signedData.encapContentInfo.eContent;
  if (signedData.encapContentInfo.eContentType !== timestampOids.tstInfo || !eContent) {
    throw new TimestampError('SIGNATURE_TIMESTAMP_INVALID', 'the token holds no TSTInfo');
  }
  try {
    return pkijs.TSTInfo.fromBER(eContent.getValue());
  } catch {
    throw new TimestampError('SIGNATURE_TIMESTAMP_INVALID', 'unreadable TSTInfo');
  }
}

function commonNameOf(certificate: pkijs.Certificate): string {
  const cn = certificate.subject.typesAndValues.find((tv) => tv.type === timestampOids.commonName)?.value as { valueBlock?: { value?: unknown } } | undefined;
  if (typeof cn?.valueBlock?.value === 'string') return cn.valueBlock.value;
  return certificate.subject.typesAndValues.map((tv) => `${tv.type}=${String((tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value)}`).join(', ');
}

/** RFC 3161 §2.3: extendedKeyUsage present, critical, and id-kp-timeStamping only. */
function isTimestampingCertificate(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === timestampOids.extKeyUsage);
  const usages = (extension?.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  return !!extension?.critical && usages.length === 1 && usages[0] === timestampOids.timeStamping;
}

/** The ESS signing-certificate attribute (v2, or v1 with SHA-1) names exactly `certificate`. */
async function essNamesCertificate(signerInfo: pkijs.SignerInfo, certificate: pkijs.Certificate): Promise<boolean> {
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const v2 = attributes.find((a) => a.type === timestampOids.signingCertificateV2);
  const v1 = attributes.find((a) => a.type === timestampOids.signingCertificate);
  const certificateDer = new Uint8Array(certificate.toSchema().toBER());
  try {
    if (v2) {
      // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 { hashAlgorithm DEFAULT sha256, certHash, issuerSerial OPT } }
      const firstId = ((v2.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
      const [first, second] = firstId.valueBlock.value;
      const algorithm = first instanceof asn1js.Sequence ? new pkijs.AlgorithmIdentifier({ schema: first }).algorithmId : timestampOids.sha256;
      const certHash = (first instanceof asn1js.Sequence ? second : first) as asn1js.OctetString;
      const hash = imprintHashes[algorithm];
      return !!hash && equalBytes(new Uint8Array(certHash.valueBlock.valueHexView), await digest(hash.name, certificateDer));
    }
    if (v1) {
      // SigningCertificate ::= SEQUENCE { certs SEQUENCE OF ESSCertID { certHash (SHA-1), issuerSerial OPT } }
      const firstId = ((v1.values[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
      const certHash = firstId.valueBlock.value[0] as asn1js.OctetString;
      return equalBytes(new Uint8Array(certHash.valueBlock.valueHexView), await digest('SHA-1', certificateDer));
    }
  } catch {
    return false;
  }
  return false;
}

/**
 * Verifies a TimeStampToken (DER ContentInfo) over `data` (the bytes whose hash is the imprint):
 * the imprint, the token's CMS signature and its contentType, the ESS certificate hash, the TSA
 * certificate's timeStamping EKU, its chain to one of `trustedTsaCertificates` (DER) and its validity
 * at genTime. Never throws.
 */
export async function verifyTimestampToken(token: Uint8Array, data: Uint8Array, trustedTsaCertificates: Uint8Array[]): Promise<TimestampVerdict> {
  let signedData: pkijs.SignedData;
  let tstInfo: pkijs.TSTInfo;
  try {
    signedData = parseToken(token);
    tstInfo = tstInfoOf(signedData);
  } catch {
    return { valid: false, code: 'SIGNATURE_TIMESTAMP_INVALID' };
  }
  const genTime = tstInfo.genTime;
  const described: TimestampVerdict = { valid: false, time: genTime.toISOString() };
  const fail = (code: ErrorCode): TimestampVerdict => ({ ...described, valid: false, code });
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo || signedData.signerInfos.length !== 1) return fail('SIGNATURE_TIMESTAMP_INVALID');

  let trusted: pkijs.Certificate[];
  try {
    trusted = trustedTsaCertificates.map((der) => pkijs.Certificate.fromBER(buffer(der)));
  } catch {
    return fail('SIGNATURE_TIMESTAMP_UNTRUSTED');
  }

  // Imprint: hash of `data` with the token's algorithm (only SHA-2 accepted).
  const hash = imprintHashes[tstInfo.messageImprint.hashAlgorithm.algorithmId];
  if (!hash) return fail('SIGNATURE_TIMESTAMP_INVALID');
  if (!equalBytes(new Uint8Array(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView), await digest(hash.name, data))) {
    return fail('SIGNATURE_TIMESTAMP_INVALID');
  }

  // contentType must say TSTInfo (pkijs only checks that the attribute is there).
  const contentType = signerInfo.signedAttrs?.attributes.find((a) => a.type === timestampOids.contentType)?.values[0];
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.getValue() !== timestampOids.tstInfo) return fail('SIGNATURE_TIMESTAMP_INVALID');

  // The token's signature (and messageDigest over the TSTInfo). A token sent without certReq carries
  // no certificate: its signer is looked for among the trusted ones too.
  const included = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  signedData.certificates = [...included, ...trusted];
  let signer: pkijs.Certificate | undefined;
  try {
    const result = await signedData.verify({ signer: 0, data: buffer(data), checkChain: false, extendedMode: true });
    signer = result.signerCertificate ?? undefined;
    if (result.signatureVerified !== true || !signer) return fail('SIGNATURE_TIMESTAMP_INVALID');
  } catch {
    return fail('SIGNATURE_TIMESTAMP_INVALID');
  }
  described.tsaName = commonNameOf(signer);

  if (!(await essNamesCertificate(signerInfo, signer))) return fail('SIGNATURE_TIMESTAMP_INVALID');
  if (!isTimestampingCertificate(signer)) return fail('SIGNATURE_TIMESTAMP_INVALID');

  // Chain to a trusted TSA certificate (the TSA's own self-issued certificate is its own anchor) at genTime.
  if (genTime < signer.notBefore.value || genTime > signer.notAfter.value) return fail('SIGNATURE_TIMESTAMP_UNTRUSTED');
  const signerDer = new Uint8Array(signer.toSchema().toBER());
  const isAnchor = trusted.some((t) => equalBytes(new Uint8Array(t.toSchema().toBER()), signerDer));
  if (!isAnchor) {
    const intermediates = included.filter((c) => !equalBytes(new Uint8Array(c.toSchema().toBER()), signerDer));
    const chain = new pkijs.CertificateChainValidationEngine({ certs: [...intermediates, signer], trustedCerts: trusted, checkDate: genTime });
    const chainResult = await chain.verify().catch(() => ({ result: false }));
    if (!chainResult.result) return fail('SIGNATURE_TIMESTAMP_UNTRUSTED');
  }
  return { valid: true, time: described.time, tsaName: described.tsaName };
}

/**
 * Verifies the signature timestamp (CAdES-T) of the first signer of `p7s`: the token's imprint is the
 * hash of that signer's signature value, and the token checks out (verifyTimestampToken) against
 * `tsaTrustedCertsDer`. Does not verify the CAdES-BES signature itself (verifyCadesDetached does).
 * Never throws: an unreadable p7s gives SIGNATURE_TIMESTAMP_INVALID, a p7s without a token
 * SIGNATURE_TIMESTAMP_MISSING.
 */
export async function verifySignatureTimestamp(p7s: Uint8Array, tsaTrustedCertsDer: Uint8Array[]): Promise<TimestampVerdict> {
  let signerInfo: pkijs.SignerInfo;
  try {
    signerInfo = firstSignerInfo(parseSignedData(p7s));
  } catch {
    return { valid: false, code: 'SIGNATURE_TIMESTAMP_INVALID' };
  }
  const tokens = (signerInfo.unsignedAttrs?.attributes ?? []).filter((a) => a.type === timestampOids.signatureTimeStampToken).flatMap((a) => a.values);
  if (tokens.length === 0) return { valid: false, code: 'SIGNATURE_TIMESTAMP_MISSING' };
  if (tokens.length > 1) return { valid: false, code: 'SIGNATURE_TIMESTAMP_INVALID' };
  // The token's bytes as they came (a re-encoding could differ from what the TSA signed).
  const token = (tokens[0] as asn1js.BaseBlock).valueBeforeDecodeView.slice();
  return verifyTimestampToken(token, signerInfo.signature.valueBlock.valueHexView.slice(), tsaTrustedCertsDer);
}
