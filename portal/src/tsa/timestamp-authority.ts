// The portal's RFC 3161 timestamping service: answers a DER TimeStampReq with a DER TimeStampResp whose
// token is a CMS SignedData over a TSTInfo, signed with the TSA key (signed attributes contentType,
// messageDigest and the ESS signingCertificateV2 that `openssl ts -verify` requires). A request it
// cannot serve gets a PKIStatus rejection with its failInfo, never an HTTP error.
import { createHash, randomBytes, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { imprintHashes, pkiStatus, timestampOids } from '../../../src-common/signing/timestamp';
import type { Clock } from '../http/clock';
import type { TsaKey } from './tsa-key';

/** This TSA's policy: 2.25.<UUID 7204f004-e314-4820-9703-935a710e5f62 as an integer> (ITU-T X.667). */
export const tsaPolicyOid = '2.25.151557628872409691636909127870251425634';

const oids = {
  contentType: timestampOids.contentType,
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: timestampOids.signingCertificateV2,
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** PKIFailureInfo bit numbers (RFC 3161 §2.4.2). */
export const failInfo = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  systemFailure: 25,
} as const;
export type FailInfo = keyof typeof failInfo;

/** statusString of each rejection, for people reading `openssl ts -reply -text`. */
const failText: Record<FailInfo, string> = {
  badAlg: 'unsupported hash algorithm (SHA-256, SHA-384 or SHA-512)',
  badRequest: 'bad request (version, imprint length or nonce)',
  badDataFormat: 'not a DER TimeStampReq',
  timeNotAvailable: 'time not available',
  unacceptedPolicy: 'unknown policy',
  unacceptedExtension: 'extensions are not supported',
  systemFailure: 'system failure',
};

// ---- DER assembly (definite lengths, as in src-main/core/signing/cades.ts) ----

function tlv(tagByte: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  const length: number[] = [];
  if (body.length < 0x80) length.push(body.length);
  else {
    for (let n = body.length; n > 0; n = Math.floor(n / 256)) length.unshift(n % 256);
    length.unshift(0x80 | length.length);
  }
  return Buffer.concat([Uint8Array.of(tagByte, ...length), body]);
}
const sequence = (...parts: Uint8Array[]) => tlv(0x30, ...parts);
const set = (...parts: Uint8Array[]) => tlv(0x31, ...parts);
const octetString = (bytes: Uint8Array) => tlv(0x04, bytes);
const oid = (dotted: string) => new Uint8Array(new asn1js.ObjectIdentifier({ value: dotted }).toBER());
const smallInteger = (n: number) => tlv(0x02, Uint8Array.of(n));
const attribute = (type: string, value: Uint8Array) => sequence(oid(type), set(value));
/** DER order of a SET OF (X.690 11.6). */
const sortDer = (encodings: Uint8Array[]) => [...encodings].sort((a, b) => Buffer.compare(a, b));

/** GeneralizedTime to the whole second, UTC, no fraction (RFC 3161 §2.4.2). */
function generalizedTime(date: Date): Uint8Array {
  const text = date.toISOString().replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
  return tlv(0x18, Buffer.from(text, 'ascii'));
}

/** A named BIT STRING with one bit set, trailing zero bits dropped (DER). */
function failInfoBits(bit: number): Uint8Array {
  const bytes = new Uint8Array(Math.floor(bit / 8) + 1);
  bytes[bytes.length - 1] = 0x80 >> (bit % 8);
  return tlv(0x03, Uint8Array.of(7 - (bit % 8)), bytes);
}

// ---- Parts taken once from the TSA certificate ----

interface CertificateParts {
  /** IssuerAndSerialNumber, from the certificate's own bytes. */
  sid: Uint8Array;
  /** signingCertificateV2 attribute: ESSCertIDv2 { certHash SHA-256 (default algorithm), issuerSerial }. */
  essAttribute: Uint8Array;
  /** The tsa field of TSTInfo: [0] GeneralName directoryName [4] of the certificate's subject. */
  tsaName: Uint8Array;
  /** certificates [0] IMPLICIT SET OF Certificate. */
  certificates: Uint8Array;
}

function certificateParts(certificateDer: Uint8Array): CertificateParts {
  // Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version, serialNumber, signature, issuer, validity, subject, ... } }
  const parsed = asn1js.fromBER(Uint8Array.from(certificateDer).buffer);
  const tbs = (parsed.result as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  const fields = tbs.valueBlock.value.map((f) => new Uint8Array(f.valueBeforeDecodeView));
  const first = tbs.valueBlock.value[0]!.idBlock.tagClass === 3 ? 1 : 0;
  const [serial, issuer, subject] = [fields[first]!, fields[first + 2]!, fields[first + 4]!];
  const certHash = createHash('sha256').update(certificateDer).digest();
  const issuerSerial = sequence(sequence(tlv(0xa4, issuer)), serial);
  return {
    sid: sequence(issuer, serial),
    essAttribute: attribute(oids.signingCertificateV2, sequence(sequence(sequence(octetString(certHash), issuerSerial)))),
    tsaName: tlv(0xa0, tlv(0xa4, subject)),
    certificates: tlv(0xa0, certificateDer),
  };
}

export class TimestampAuthority {
  private readonly certificate: CertificateParts;

  constructor(
    private readonly key: TsaKey,
    private readonly clock: Clock,
  ) {
    this.certificate = certificateParts(key.certificateDer);
  }

  get certificatePem(): string {
    return this.key.certificatePem;
  }

  /** The TSA certificate (DER): the trusted TSA certificate to give verifySignatureTimestamp. */
  get certificateDer(): Uint8Array {
    return this.key.certificateDer;
  }

  /** The DER TimeStampResp for a DER TimeStampReq: a token, or a rejection saying why. */
  respond(requestDer: Uint8Array): Uint8Array {
    const checked = this.check(requestDer);
    if ('fail' in checked) {
      const statusString = sequence(tlv(0x0c, Buffer.from(failText[checked.fail], 'utf8')));
      return sequence(sequence(smallInteger(pkiStatus.rejection), statusString, failInfoBits(failInfo[checked.fail])));
    }
    return sequence(sequence(smallInteger(pkiStatus.granted)), this.token(checked));
  }

  private check(requestDer: Uint8Array): { fail: FailInfo } | { messageImprint: Uint8Array; nonce: Uint8Array | null; certReq: boolean } {
    // TimeStampReq ::= SEQUENCE { version, messageImprint, reqPolicy OPT, nonce OPT, certReq DEFAULT FALSE, extensions [0] OPT }
    let request: pkijs.TimeStampReq;
    let fields: asn1js.AsnType[];
    try {
      const parsed = asn1js.fromBER(Uint8Array.from(requestDer).buffer);
      if (parsed.offset !== requestDer.length) return { fail: 'badDataFormat' };
      request = new pkijs.TimeStampReq({ schema: parsed.result });
      fields = (parsed.result as asn1js.Sequence).valueBlock.value;
    } catch {
      return { fail: 'badDataFormat' };
    }
    if (request.version !== 1) return { fail: 'badRequest' };
    const hash = imprintHashes[request.messageImprint.hashAlgorithm.algorithmId];
    if (!hash) return { fail: 'badAlg' };
    if (request.messageImprint.hashedMessage.valueBlock.valueHexView.length !== hash.length) return { fail: 'badRequest' };
    if (request.reqPolicy !== undefined && request.reqPolicy !== tsaPolicyOid) return { fail: 'unacceptedPolicy' };
    if ((request.extensions?.length ?? 0) > 0) return { fail: 'unacceptedExtension' };
    // A nonce is a random number; anything longer than 64 bytes is not one.
    if (request.nonce && request.nonce.valueBlock.valueHexView.length > 64) return { fail: 'badRequest' };
    const nonceField = fields.find((f) => f instanceof asn1js.Integer && f !== fields[0]);
    return {
      // Copied byte for byte (RFC 3161: the same value as in the request).
      messageImprint: new Uint8Array(fields[1]!.valueBeforeDecodeView),
      nonce: request.nonce && nonceField ? new Uint8Array(nonceField.valueBeforeDecodeView) : null,
      certReq: request.certReq === true,
    };
  }

  private token(request: { messageImprint: Uint8Array; nonce: Uint8Array | null; certReq: boolean }): Uint8Array {
    const serial = randomBytes(16);
    serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, minimal: unique with overwhelming probability
    const tstInfo = sequence(
      smallInteger(1),
      oid(tsaPolicyOid),
      request.messageImprint,
      tlv(0x02, serial),
      generalizedTime(this.clock.now()),
      sequence(smallInteger(1)), // accuracy: one second (genTime is truncated to the second)
      ...(request.nonce ? [request.nonce] : []),
      this.certificate.tsaName,
    );
    const sha256Algorithm = sequence(oid(timestampOids.sha256));
    const toBeSigned = set(
      ...sortDer([
        attribute(oids.contentType, oid(timestampOids.tstInfo)),
        attribute(oids.messageDigest, octetString(createHash('sha256').update(tstInfo).digest())),
        this.certificate.essAttribute,
      ]),
    );
    // ECDSA-Sig-Value in DER, as CMS wants it (node's default encoding).
    const signature = sign('sha256', toBeSigned, this.key.privateKey);
    const signedAttrs = Uint8Array.from(toBeSigned);
    signedAttrs[0] = 0xa0; // [0] IMPLICIT inside SignerInfo; signed under the SET tag
    const signerInfo = sequence(smallInteger(1), this.certificate.sid, sha256Algorithm, signedAttrs, sequence(oid(oids.ecdsaWithSha256)), octetString(signature));
    const signedData = sequence(
      smallInteger(3),
      set(sha256Algorithm),
      sequence(oid(timestampOids.tstInfo), tlv(0xa0, octetString(tstInfo))),
      ...(request.certReq ? [this.certificate.certificates] : []),
      set(signerInfo),
    );
    return sequence(oid(timestampOids.signedData), tlv(0xa0, signedData));
  }
}
