// Signs a batch of filings with one PIN entry: checks the certificate first (validity, key strength, as
// Circular 15/2025/TT-BKHCN asks), logs in once, signs each filing's canonical bytes as CAdES-BES,
// reports progress, stops on cancel, and keeps what was signed if the token goes away mid-way.
import { X509Certificate } from 'node:crypto';
import { CodedError, hasErrorCode, type ErrorCode } from '../../../src-common/errors';
import type { Pkcs11Library, TokenCertificate } from '../token/pkcs11-token';
import { prepareCadesBes, type PreparedCades } from './cades';

export interface BatchItem {
  id: string;
  /** The exact bytes to sign: a filing's `filingSigningBytes(payload)`, or a file's contents. */
  content: Uint8Array;
}

export interface BatchOutcome {
  /** Signature (base64 .p7s) per item id, for every item signed. */
  signed: Map<string, string>;
  /** Items left unsigned, and why the batch stopped (absent when all were signed). */
  unsigned: string[];
  stoppedBy?: ErrorCode;
}

/** Refuses a certificate that must not sign now: expired, not yet valid, or with a weak key. */
export function checkSigningCertificate(der: Uint8Array, now: Date): X509Certificate {
  const cert = new X509Certificate(der);
  if (now < new Date(cert.validFrom)) throw new CodedError('CERT_NOT_YET_VALID', { validFrom: new Date(cert.validFrom).toISOString() });
  if (now > new Date(cert.validTo)) throw new CodedError('CERT_EXPIRED', { validTo: new Date(cert.validTo).toISOString() });
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const weak =
    key.asymmetricKeyType === 'rsa'
      ? (details.modulusLength ?? 0) < 2048
      : key.asymmetricKeyType === 'ec'
        ? !['prime256v1', 'secp384r1', 'secp521r1'].includes(details.namedCurve ?? '')
        : true;
  if (weak) throw new CodedError('CERT_KEY_TOO_WEAK', { keyType: key.asymmetricKeyType, ...details });
  return cert;
}

export interface BatchOptions {
  library: Pkcs11Library;
  tokenLabel: string;
  certificate: TokenCertificate;
  /** Used for one C_Login and dropped: never stored, logged or sent anywhere. */
  pin: string;
  now: () => Date;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export async function signBatch(items: readonly BatchItem[], options: BatchOptions): Promise<BatchOutcome> {
  const cert = checkSigningCertificate(options.certificate.der, options.now());
  const keyAlgorithm = cert.publicKey.asymmetricKeyType === 'ec' ? 'ec' : 'rsa';
  const mechanism = keyAlgorithm === 'ec' ? 'ECDSA' : 'SHA256_RSA_PKCS';
  const prepare = (item: BatchItem) =>
    prepareCadesBes({
      content: item.content,
      certificateDer: options.certificate.der,
      keyAlgorithm,
      signingTime: options.now(),
    });
  const session = options.library.login(options.tokenLabel, options.pin);
  const startSigning = (prepared: PreparedCades) =>
    session.sign(options.certificate.id, Buffer.from(prepared.toBeSigned.buffer, prepared.toBeSigned.byteOffset, prepared.toBeSigned.length), mechanism);
  const signed = new Map<string, string>();
  let stoppedBy: ErrorCode | undefined;
  try {
    // Pipelined, one signature at a time on the token: while it signs filing i, filing i+1's
    // signed attributes are prepared, so the token rarely waits for us.
    const prepared: (PreparedCades | undefined)[] = [];
    const prepareAt = (i: number) => {
      if (i < items.length) prepared[i] = prepare(items[i]!);
    };
    let signing: Promise<Buffer> | undefined;
    if (items.length > 0 && !options.signal?.aborted) {
      prepareAt(0);
      signing = startSigning(prepared[0]!);
      prepareAt(1);
    } else if (items.length > 0) stoppedBy = 'SIGNING_CANCELLED';
    for (let i = 0; signing; i += 1) {
      let signature: Buffer;
      try {
        signature = await signing;
      } catch (error) {
        // The token went away (or refused): keep what is signed, leave the rest untouched.
        if (!hasErrorCode(error)) throw error;
        stoppedBy = error.code;
        break;
      }
      signed.set(items[i]!.id, Buffer.from(prepared[i]!.finish(signature)).toString('base64'));
      prepared[i] = undefined;
      // Progress before the next signature starts: a cancel (or a pulled token) seen here stops at exactly this count.
      options.onProgress?.(signed.size, items.length);
      signing = undefined;
      if (i + 1 < items.length) {
        if (options.signal?.aborted) stoppedBy = 'SIGNING_CANCELLED';
        else signing = startSigning(prepared[i + 1]!);
      }
      if (signing) prepareAt(i + 2);
    }
  } finally {
    session.logout();
  }
  const unsigned = items.filter((item) => !signed.has(item.id)).map((item) => item.id);
  return { signed, unsigned, ...(stoppedBy ? { stoppedBy } : {}) };
}
