// The CA certificates filing signatures must chain to, read from a folder (PEM or DER files).
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { certificatesFromFile, trustListFilePattern } from '../../src-common/signing/trust-list';

export function readTrustList(dir: string): Uint8Array[] {
  const files = readdirSync(dir).filter((name) => trustListFilePattern.test(name));
  if (files.length === 0) throw new Error(`PORTAL_TRUST_DIR ${dir} holds no certificate (.pem, .der, .crt, .cer)`);
  // X509Certificate fails loudly on anything that is not a certificate.
  return files.flatMap((name) => certificatesFromFile(readFileSync(join(dir, name)))).map((der) => new Uint8Array(new X509Certificate(der).raw));
}
