// Verifies a detached CAdES-BES signature over given bytes, the same way on the client and the portal:
// signature and message digest, chain to the trust list at signing time, the certificate's validity at
// that time, key usage, the ESS signing-certificate hash, and that the signer is the filing party.
// Uses only WebCrypto (through pkijs), so it runs in Node and in a browser alike.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { ErrorCode } from '../errors';

const oid = {
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  keyUsage: '2.5.29.15',
  uid: '0.9.2342.19200300.100.1.1',
  commonName: '2.5.4.3',
} as const;

export interface CadesVerdict {
  valid: boolean;
  /** Why it is not valid (a stable code); absent when valid. */
  code?: ErrorCode;
  signer?: { commonName: string | null; partyId: string | null; serialNumber: string; notBefore: string; notAfter: string };
  signingTime?: string;
}

export interface VerifyOptions {
  /** Trust anchors (CA certificates, DER). */
  trustedCertificates: Uint8Array[];
  /** "MST:0101234567" / "CCCD:..." the signer must be; omit to skip the check. */
  expectedParty?: string;
}

const buffer = (bytes: Uint8Array): ArrayBuffer => Uint8Array.from(bytes).buffer;
const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

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

export async function verifyCadesDetached(signature: Uint8Array, content: Uint8Array, options: VerifyOptions): Promise<CadesVerdict> {
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(buffer(signature));
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return { valid: false, code: 'SIGNATURE_INVALID' };
  }
  const signerInfo = signedData.signerInfos[0];
  const attrs = signerInfo?.signedAttrs?.attributes ?? [];
  const timeValue = attrs.find((a) => a.type === oid.signingTime)?.values[0] as asn1js.UTCTime | asn1js.GeneralizedTime | undefined;
  const signingTime = timeValue ? timeValue.toDate() : undefined;
  const signer = (signedData.certificates ?? []).find(
    (c): c is pkijs.Certificate =>
      c instanceof pkijs.Certificate &&
      signerInfo?.sid instanceof pkijs.IssuerAndSerialNumber &&
      c.serialNumber.isEqual(signerInfo.sid.serialNumber) &&
      c.issuer.isEqual(signerInfo.sid.issuer),
  );
  if (!signerInfo || !signingTime || !signer) return { valid: false, code: 'SIGNATURE_INVALID' };

  const described = {
    signer: {
      commonName: nameValue(signer.subject, oid.commonName),
      partyId: nameValue(signer.subject, oid.uid),
      serialNumber: hex(signer.serialNumber.valueBlock.valueHexView.slice().buffer),
      notBefore: signer.notBefore.value.toISOString(),
      notAfter: signer.notAfter.value.toISOString(),
    },
    signingTime: signingTime.toISOString(),
  };
  const fail = (code: ErrorCode): CadesVerdict => ({ valid: false, code, ...described });

  // The signature and the message digest of the content, without the chain first.
  let signatureOk = false;
  try {
    signatureOk = (await signedData.verify({ signer: 0, data: buffer(content), checkChain: false, extendedMode: true })).signatureVerified === true;
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) return fail('SIGNATURE_INVALID');

  // ESS signingCertificateV2: pkijs does not check it, so the certificate could otherwise be swapped.
  const essAttr = attrs.find((a) => a.type === oid.signingCertificateV2)?.values[0] as asn1js.Sequence | undefined;
  const essHash = ((essAttr?.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value.find(
    (v): v is asn1js.OctetString => v instanceof asn1js.OctetString,
  );
  const certHash = await crypto.subtle.digest('SHA-256', signer.toSchema().toBER());
  if (!essHash || hex(essHash.valueBlock.valueHexView.slice().buffer) !== hex(certHash)) return fail('SIGNATURE_INVALID');

  if (signingTime < signer.notBefore.value) return fail('CERT_NOT_YET_VALID');
  if (signingTime > signer.notAfter.value) return fail('CERT_EXPIRED');
  if (!allowsSigning(signer)) return fail('SIGNATURE_KEY_USAGE');

  const trusted = options.trustedCertificates.map((der) => pkijs.Certificate.fromBER(buffer(der)));
  const chain = new pkijs.CertificateChainValidationEngine({ certs: [signer], trustedCerts: trusted, checkDate: signingTime });
  const chainResult = await chain.verify().catch(() => ({ result: false }));
  if (!chainResult.result) return fail('SIGNATURE_UNTRUSTED');

  if (options.expectedParty !== undefined && described.signer.partyId !== options.expectedParty) return fail('SIGNATURE_PARTY_MISMATCH');
  return { valid: true, ...described };
}
