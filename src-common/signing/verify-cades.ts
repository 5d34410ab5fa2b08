// Verifies a detached CAdES-BES signature over given bytes, the same way on the client and the portal:
// signature and message digest, the ESS signing-certificate hash, the certificate's validity at the
// signing time, key usage, chain to the trust list at that time, and that the signer is the filing party.
// Uses only WebCrypto (and pkijs for certificates and chains), so it runs in Node and in a browser alike.
//
// Speed matters (the portal verifies every filing): the CMS is walked with a strict DER reader instead
// of being built into objects, and what depends only on a certificate is worked out once per
// certificate by a `CadesVerifier` — its parsed fields, its imported public key, and its chain to the
// trust list. Per signature, the chain's validity periods are still checked at that signature's time.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { ErrorCode } from '../errors';
import { DerError, childrenOf, expectTlv, oidToString, readTlv, tag, valueOf, wholeOf, type Tlv } from './der';
import { timestampOids, verifySignatureTimestamp } from './timestamp';

const oid = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  keyUsage: '2.5.29.15',
  uid: '0.9.2342.19200300.100.1.1',
  commonName: '2.5.4.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecPublicKey: '1.2.840.10045.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
} as const;

const digestByOid: Record<string, 'SHA-256' | 'SHA-384' | 'SHA-512'> = {
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};
const curveByOid: Record<string, { name: 'P-256' | 'P-384' | 'P-521'; size: number }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', size: 32 },
  '1.3.132.0.34': { name: 'P-384', size: 48 },
  '1.3.132.0.35': { name: 'P-521', size: 66 },
};
type Digest = (typeof digestByOid)[string];

export interface CadesVerdict {
  valid: boolean;
  /** Why it is not valid (a stable code); absent when valid. */
  code?: ErrorCode;
  signer?: { commonName: string | null; partyId: string | null; serialNumber: string; notBefore: string; notAfter: string };
  signingTime?: string;
  /**
   * The signature timestamp (CAdES-T), when the signature carries one: the time a trusted TSA saw the
   * signature, and that TSA. `verified` is false when no TSA is trusted here (then it proves nothing).
   */
  timestamp?: { time: string; tsaName: string | null; verified: boolean };
}

export interface VerifyOptions {
  /** Trust anchors (CA certificates, DER). */
  trustedCertificates: Uint8Array[];
  /** Trusted timestamping authorities (TSA certificates, DER), for CAdES-T signatures. */
  trustedTimestampAuthorities?: Uint8Array[];
  /** "MST:0101234567" / "CCCD:..." the signer must be; omit to skip the check. */
  expectedParty?: string;
}

/** How far a signer's clock may run ahead of the TSA's (the claimed signing time after the timestamp). */
const CLOCK_SKEW_MS = 5 * 60_000;

const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);
const digest = async (algorithm: Digest | 'SHA-1', bytes: Uint8Array) => new Uint8Array(await crypto.subtle.digest(algorithm, buffer(bytes)));

/** WebCrypto's key type, named without the DOM library (the Node build has none). */
type PublicKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

class Invalid extends Error {
  constructor(readonly code: ErrorCode) {
    super(code);
  }
}

/** What the verifier needs of a certificate, worked out once per certificate. */
interface KnownCertificate {
  der: Uint8Array;
  parsed: pkijs.Certificate;
  /** IssuerAndSerialNumber parts, DER, as a SignerInfo names the certificate. */
  issuerDer: Uint8Array;
  serialDer: Uint8Array;
  spki: { algorithm: string; curve?: (typeof curveByOid)[string]; der: Uint8Array };
  described: NonNullable<CadesVerdict['signer']>;
  allowsSigning: boolean;
  /** Imported public keys, per signature algorithm and digest. */
  keys: Map<string, Promise<PublicKey>>;
  /** ESS hashes of the certificate, per algorithm (hex). */
  hashes: Map<string, string>;
}

function nameValue(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const value = name.typesAndValues.find((tv) => tv.type === type)?.value as { valueBlock?: { value?: unknown } } | undefined;
  return typeof value?.valueBlock?.value === 'string' ? value.valueBlock.value : null;
}

/** digitalSignature (bit 0) or nonRepudiation (bit 1); a certificate without the extension may sign. */
function allowsSigning(certificate: pkijs.Certificate): boolean {
  const extension = certificate.extensions?.find((e) => e.extnID === oid.keyUsage);
  if (!extension) return true;
  const bits = (extension.parsedValue as asn1js.BitString | undefined)?.valueBlock.valueHexView;
  const first = bits?.[0] ?? 0;
  return (first & 0x80) !== 0 || (first & 0x40) !== 0;
}

function readCertificate(der: Uint8Array): KnownCertificate {
  const certificate = expectTlv(der, 0, tag.sequence);
  if (certificate.end !== der.length) throw new DerError('trailing bytes');
  const tbs = expectTlv(der, certificate.start, tag.sequence, certificate.end);
  const fields = childrenOf(der, tbs);
  const first = fields[0]?.tag === tag.context(0) ? 1 : 0;
  const [serial, , issuer, , , spkiTlv] = fields.slice(first);
  if (serial?.tag !== tag.integer || issuer?.tag !== tag.sequence || spkiTlv?.tag !== tag.sequence) throw new DerError('not a certificate');
  const [algorithmTlv] = childrenOf(der, spkiTlv);
  const [algorithmOid, parameters] = childrenOf(der, algorithmTlv!);
  const algorithm = oidToString(valueOf(der, algorithmOid!));
  const curve = algorithm === oid.ecPublicKey && parameters?.tag === tag.oid ? curveByOid[oidToString(valueOf(der, parameters))] : undefined;
  const parsed = pkijs.Certificate.fromBER(buffer(der));
  return {
    der,
    parsed,
    issuerDer: wholeOf(der, issuer),
    serialDer: wholeOf(der, serial),
    spki: { algorithm, ...(curve ? { curve } : {}), der: wholeOf(der, spkiTlv) },
    described: {
      commonName: nameValue(parsed.subject, oid.commonName),
      partyId: nameValue(parsed.subject, oid.uid),
      serialNumber: hex(parsed.serialNumber.valueBlock.valueHexView),
      notBefore: parsed.notBefore.value.toISOString(),
      notAfter: parsed.notAfter.value.toISOString(),
    },
    allowsSigning: allowsSigning(parsed),
    keys: new Map(),
    hashes: new Map(),
  };
}

/** UTCTime (YY < 50 is 20YY, RFC 5280) or GeneralizedTime, in UTC ("Z"), seconds required. */
function readTime(bytes: Uint8Array, t: Tlv): Date {
  const text = String.fromCharCode(...valueOf(bytes, t));
  const match =
    t.tag === tag.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
      : t.tag === tag.generalizedTime
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d{1,3})?Z$/.exec(text)
        : null;
  if (!match) throw new Invalid('SIGNATURE_INVALID');
  const year = t.tag === tag.utcTime ? (Number(match[1]) < 50 ? 2000 : 1900) + Number(match[1]) : Number(match[1]);
  const date = new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6])));
  if (Number.isNaN(date.getTime())) throw new Invalid('SIGNATURE_INVALID');
  return date;
}

/** The parts of a detached CMS SignedData with one signer that the checks need. */
interface ParsedSignature {
  certificates: Uint8Array[];
  /** The [0] certificates field as it stands (the chain cache's key). */
  certificatesField: Uint8Array;
  issuerDer: Uint8Array;
  serialDer: Uint8Array;
  digest: Digest;
  /** The signed attributes under a SET tag: the bytes the signer signed. */
  signedBytes: Uint8Array;
  attributes: Map<string, Tlv[]>;
  attributesSource: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
  embeddedContent: Uint8Array | null;
  /** Whether the unsigned attributes hold a signature timestamp (CAdES-T). */
  timestamped: boolean;
}

function parseSignature(p7s: Uint8Array): ParsedSignature {
  const contentInfo = expectTlv(p7s, 0, tag.sequence);
  if (contentInfo.end !== p7s.length) throw new DerError('trailing bytes');
  const [type, explicit] = childrenOf(p7s, contentInfo);
  if (!type || type.tag !== tag.oid || oidToString(valueOf(p7s, type)) !== oid.signedData || explicit?.tag !== tag.context(0)) throw new DerError('not SignedData');
  const signedData = expectTlv(p7s, explicit.start, tag.sequence, explicit.end);
  const fields = childrenOf(p7s, signedData);
  const [version, , encap] = fields;
  if (version?.tag !== tag.integer || encap?.tag !== tag.sequence) throw new DerError('bad SignedData');
  let next = 3;
  let certificates: Uint8Array[] = [];
  let certificatesField: Uint8Array = new Uint8Array(0);
  if (fields[next]?.tag === tag.context(0)) {
    certificatesField = wholeOf(p7s, fields[next]!);
    certificates = childrenOf(p7s, fields[next]!)
      .filter((c) => c.tag === tag.sequence)
      .map((c) => wholeOf(p7s, c));
    next += 1;
  }
  if (fields[next]?.tag === tag.context(1)) next += 1; // CRLs: not used here
  const signerInfos = fields[next];
  if (signerInfos?.tag !== tag.set || next !== fields.length - 1) throw new DerError('bad SignedData');
  const signers = childrenOf(p7s, signerInfos);
  if (signers.length !== 1) throw new DerError('exactly one signer expected');

  const [encapType, eContent] = childrenOf(p7s, encap);
  if (encapType?.tag !== tag.oid || oidToString(valueOf(p7s, encapType)) !== oid.data) throw new DerError('content type must be id-data');
  const embeddedContent = eContent ? valueOf(p7s, expectTlv(p7s, eContent.start, tag.octetString, eContent.end)) : null;

  const parts = childrenOf(p7s, signers[0]!);
  const [, sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature, unsigned] = parts;
  if (sid?.tag !== tag.sequence || digestAlgorithm?.tag !== tag.sequence || signedAttrs?.tag !== tag.context(0)) throw new DerError('bad SignerInfo');
  if (signatureAlgorithm?.tag !== tag.sequence || signature?.tag !== tag.octetString) throw new DerError('bad SignerInfo');
  if (unsigned && (unsigned.tag !== tag.context(1) || parts.length !== 7)) throw new DerError('bad SignerInfo');
  const [issuer, serial] = childrenOf(p7s, sid);
  if (issuer?.tag !== tag.sequence || serial?.tag !== tag.integer) throw new DerError('signer named by key identifier: not supported');
  const digestName = digestByOid[oidToString(valueOf(p7s, childrenOf(p7s, digestAlgorithm)[0]!))];
  if (!digestName) throw new DerError('digest algorithm not supported');

  const attributes = new Map<string, Tlv[]>();
  for (const attribute of childrenOf(p7s, signedAttrs)) {
    const [attrType, values] = childrenOf(p7s, attribute);
    if (attrType?.tag !== tag.oid || values?.tag !== tag.set) throw new DerError('bad attribute');
    const typeName = oidToString(valueOf(p7s, attrType));
    // One instance of each attribute: a second messageDigest or certificate reference is an attack.
    if (attributes.has(typeName)) throw new DerError('attribute repeated');
    attributes.set(typeName, childrenOf(p7s, values));
  }
  const signedBytes = Uint8Array.from(wholeOf(p7s, signedAttrs));
  signedBytes[0] = tag.set;
  const timestamped =
    unsigned !== undefined &&
    childrenOf(p7s, unsigned).some((attribute) => {
      const attrType = childrenOf(p7s, attribute)[0];
      return attrType?.tag === tag.oid && oidToString(valueOf(p7s, attrType)) === timestampOids.signatureTimeStampToken;
    });
  return {
    timestamped,
    certificates,
    certificatesField,
    issuerDer: wholeOf(p7s, issuer),
    serialDer: wholeOf(p7s, serial),
    digest: digestName,
    signedBytes,
    attributes,
    attributesSource: p7s,
    signatureAlgorithm: oidToString(valueOf(p7s, childrenOf(p7s, signatureAlgorithm)[0]!)),
    signature: valueOf(p7s, signature),
    embeddedContent,
  };
}

/** The single value of a signed attribute, or null when absent; several values are refused. */
function singleValue(parsed: ParsedSignature, type: string): Tlv | null {
  const values = parsed.attributes.get(type);
  if (!values) return null;
  if (values.length !== 1) throw new Invalid('SIGNATURE_INVALID');
  return values[0]!;
}

/** Ecdsa-Sig-Value (DER) to the fixed-size r||s WebCrypto verifies. */
function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array {
  const sequence = expectTlv(der, 0, tag.sequence);
  const [r, s] = childrenOf(der, sequence);
  if (r?.tag !== tag.integer || s?.tag !== tag.integer || sequence.end !== der.length) throw new DerError('bad ECDSA signature');
  const out = new Uint8Array(size * 2);
  for (const [index, part] of [r, s].entries()) {
    let value = valueOf(der, part);
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) throw new DerError('bad ECDSA signature');
    out.set(value, index * size + size - value.length);
  }
  return out;
}

function signatureScheme(algorithm: string, certificate: KnownCertificate, digestName: Digest) {
  const rsa = [oid.rsaEncryption, oid.sha256WithRsa, oid.sha384WithRsa, oid.sha512WithRsa] as string[];
  const ecdsa = [oid.ecdsaWithSha256, oid.ecdsaWithSha384, oid.ecdsaWithSha512] as string[];
  const withDigest: Record<string, Digest> = {
    [oid.sha256WithRsa]: 'SHA-256',
    [oid.sha384WithRsa]: 'SHA-384',
    [oid.sha512WithRsa]: 'SHA-512',
    [oid.ecdsaWithSha256]: 'SHA-256',
    [oid.ecdsaWithSha384]: 'SHA-384',
    [oid.ecdsaWithSha512]: 'SHA-512',
  };
  const hash = withDigest[algorithm] ?? digestName;
  if (rsa.includes(algorithm) && certificate.spki.algorithm === oid.rsaEncryption) return { kind: 'rsa' as const, hash };
  if (ecdsa.includes(algorithm) && certificate.spki.curve) return { kind: 'ec' as const, hash, curve: certificate.spki.curve };
  return null;
}

/** A bounded map that forgets its oldest entries (insertion order). */
class BoundedCache<V> extends Map<string, V> {
  constructor(private readonly limit: number) {
    super();
  }
  override set(key: string, value: V): this {
    if (this.size >= this.limit && !this.has(key)) this.delete(this.keys().next().value!);
    return super.set(key, value);
  }
}

/**
 * A verifier for one trust list. Keep one per trust list (the portal keeps one per worker): it
 * remembers certificates, their keys and their chains, so each signature costs little more than its
 * own signature check.
 */
export class CadesVerifier {
  private readonly trusted: pkijs.Certificate[];
  private readonly certificates = new BoundedCache<KnownCertificate>(2_000);
  /** Chain found for a signer with given embedded certificates: the path, checked again at each signing time. */
  private readonly chains = new BoundedCache<pkijs.Certificate[]>(2_000);
  private readonly timestampAuthorities: Uint8Array[];

  constructor(trustedCertificates: readonly Uint8Array[], trustedTimestampAuthorities: readonly Uint8Array[] = []) {
    this.trusted = trustedCertificates.map((der) => pkijs.Certificate.fromBER(buffer(der)));
    this.timestampAuthorities = [...trustedTimestampAuthorities];
  }

  async verify(signature: Uint8Array, content: Uint8Array, options: { expectedParty?: string } = {}): Promise<CadesVerdict> {
    let parsed: ParsedSignature;
    let signer: KnownCertificate | undefined;
    let signingTime: Date;
    try {
      parsed = parseSignature(signature);
      const timeValue = singleValue(parsed, oid.signingTime);
      if (!timeValue) return { valid: false, code: 'SIGNATURE_INVALID' };
      signingTime = readTime(parsed.attributesSource, timeValue);
      for (const der of parsed.certificates) {
        const candidate = await this.known(der);
        if (sameBytes(candidate.issuerDer, parsed.issuerDer) && sameBytes(candidate.serialDer, parsed.serialDer)) {
          signer = candidate;
          break;
        }
      }
    } catch (error) {
      if (error instanceof Invalid) return { valid: false, code: error.code };
      return { valid: false, code: 'SIGNATURE_INVALID' };
    }
    if (!signer) return { valid: false, code: 'SIGNATURE_INVALID' };

    const described: Pick<CadesVerdict, 'signer' | 'signingTime' | 'timestamp'> = { signer: signer.described, signingTime: signingTime.toISOString() };
    const fail = (code: ErrorCode): CadesVerdict => ({ valid: false, code, ...described });
    try {
      await this.checkSignature(parsed, signer, content);
    } catch (error) {
      if (error instanceof Invalid) return fail(error.code);
      return fail('SIGNATURE_INVALID');
    }
    // CAdES-T: a trusted time at which the signature existed. The certificate must also be valid then,
    // and the claimed signing time cannot be after it.
    let provenTime: Date | undefined;
    if (parsed.timestamped) {
      const stamp = await verifySignatureTimestamp(signature, this.timestampAuthorities);
      if (this.timestampAuthorities.length === 0 && stamp.code === 'SIGNATURE_TIMESTAMP_UNTRUSTED' && stamp.time) {
        described.timestamp = { time: stamp.time, tsaName: stamp.tsaName ?? null, verified: false };
      } else if (!stamp.valid || !stamp.time) {
        return fail(stamp.code ?? 'SIGNATURE_TIMESTAMP_INVALID');
      } else {
        described.timestamp = { time: stamp.time, tsaName: stamp.tsaName ?? null, verified: true };
        provenTime = new Date(stamp.time);
        if (signingTime.getTime() > provenTime.getTime() + CLOCK_SKEW_MS) return fail('SIGNATURE_TIMESTAMP_INVALID');
      }
    }
    if (signingTime < signer.parsed.notBefore.value) return fail('CERT_NOT_YET_VALID');
    if (signingTime > signer.parsed.notAfter.value || (provenTime && provenTime > signer.parsed.notAfter.value)) return fail('CERT_EXPIRED');
    if (!signer.allowsSigning) return fail('SIGNATURE_KEY_USAGE');
    if (!(await this.chainHolds(parsed, signer, signingTime))) return fail('SIGNATURE_UNTRUSTED');
    if (options.expectedParty !== undefined && signer.described.partyId !== options.expectedParty) return fail('SIGNATURE_PARTY_MISMATCH');
    return { valid: true, ...described };
  }

  /** contentType, messageDigest, the ESS certificate reference, then the signature over the attributes. */
  private async checkSignature(parsed: ParsedSignature, signer: KnownCertificate, content: Uint8Array): Promise<void> {
    const source = parsed.attributesSource;
    if (parsed.embeddedContent && !sameBytes(parsed.embeddedContent, content)) throw new Invalid('SIGNATURE_INVALID');
    const contentType = singleValue(parsed, oid.contentType);
    if (!contentType || contentType.tag !== tag.oid || oidToString(valueOf(source, contentType)) !== oid.data) throw new Invalid('SIGNATURE_INVALID');
    const messageDigest = singleValue(parsed, oid.messageDigest);
    if (!messageDigest || messageDigest.tag !== tag.octetString) throw new Invalid('SIGNATURE_INVALID');
    if (!sameBytes(valueOf(source, messageDigest), await digest(parsed.digest, content))) throw new Invalid('SIGNATURE_INVALID');
    // ESS signing-certificate (v2, or v1 with SHA-1): binds the certificate, which could otherwise be swapped.
    if (!(await this.essMatches(parsed, signer))) throw new Invalid('SIGNATURE_INVALID');

    const scheme = signatureScheme(parsed.signatureAlgorithm, signer, parsed.digest);
    if (!scheme) throw new Invalid('SIGNATURE_INVALID');
    const keyName = `${scheme.kind}:${scheme.hash}`;
    let key = signer.keys.get(keyName);
    if (!key) {
      key = crypto.subtle.importKey(
        'spki',
        buffer(signer.spki.der),
        scheme.kind === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5', hash: scheme.hash } : { name: 'ECDSA', namedCurve: scheme.curve.name },
        false,
        ['verify'],
      );
      signer.keys.set(keyName, key);
    }
    const signatureBytes = scheme.kind === 'ec' ? ecdsaDerToRaw(parsed.signature, scheme.curve.size) : parsed.signature;
    const ok = await crypto.subtle.verify(
      scheme.kind === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: scheme.hash },
      await key,
      buffer(signatureBytes),
      buffer(parsed.signedBytes),
    );
    if (!ok) throw new Invalid('SIGNATURE_INVALID');
  }

  private async essMatches(parsed: ParsedSignature, signer: KnownCertificate): Promise<boolean> {
    const source = parsed.attributesSource;
    const v2 = singleValue(parsed, oid.signingCertificateV2);
    const v1 = v2 ? null : singleValue(parsed, oid.signingCertificate);
    const value = v2 ?? v1;
    if (!value || value.tag !== tag.sequence) return false;
    // SigningCertificate(V2) ::= SEQUENCE { certs SEQUENCE OF ESSCertID(v2), policies OPTIONAL }: the first is the signer's.
    const certs = readTlv(source, value.start, value.end);
    if (certs.tag !== tag.sequence) return false;
    const first = readTlv(source, certs.start, certs.end);
    const parts = childrenOf(source, first);
    let algorithm: Digest | 'SHA-1' = v2 ? 'SHA-256' : 'SHA-1';
    let index = 0;
    if (v2 && parts[0]?.tag === tag.sequence) {
      const named = digestByOid[oidToString(valueOf(source, childrenOf(source, parts[0])[0]!))];
      if (!named) return false;
      algorithm = named;
      index = 1;
    }
    const certHash = parts[index];
    if (certHash?.tag !== tag.octetString) return false;
    let expected = signer.hashes.get(algorithm);
    if (!expected) {
      expected = hex(await digest(algorithm, signer.der));
      signer.hashes.set(algorithm, expected);
    }
    return hex(valueOf(source, certHash)) === expected;
  }

  /** Chain to the trust list valid at the signing time: found once per signer (pkijs), its periods checked each time. */
  private async chainHolds(parsed: ParsedSignature, signer: KnownCertificate, signingTime: Date): Promise<boolean> {
    const key = `${hex(await digest('SHA-256', signer.der))}:${hex(await digest('SHA-256', parsed.certificatesField))}`;
    const path = this.chains.get(key);
    if (path) return path.every((c) => c.notBefore.value <= signingTime && signingTime <= c.notAfter.value);
    const others = parsed.certificates.filter((der) => !sameBytes(der, signer.der)).map((der) => pkijs.Certificate.fromBER(buffer(der)));
    const engine = new pkijs.CertificateChainValidationEngine({ certs: [signer.parsed, ...others], trustedCerts: this.trusted, checkDate: signingTime });
    const result = await engine.verify().catch(() => ({ result: false, certificatePath: undefined }));
    if (!result.result || !result.certificatePath) return false;
    this.chains.set(key, result.certificatePath);
    return true;
  }

  private async known(der: Uint8Array): Promise<KnownCertificate> {
    const key = hex(await digest('SHA-256', der));
    let known = this.certificates.get(key);
    if (!known) {
      known = readCertificate(Uint8Array.from(der));
      this.certificates.set(key, known);
    }
    return known;
  }
}

/** One-off verification (a new verifier each call); keep a `CadesVerifier` when verifying many. */
export async function verifyCadesDetached(signature: Uint8Array, content: Uint8Array, options: VerifyOptions): Promise<CadesVerdict> {
  return new CadesVerifier(options.trustedCertificates, options.trustedTimestampAuthorities).verify(signature, content, options.expectedParty === undefined ? {} : { expectedParty: options.expectedParty });
}
