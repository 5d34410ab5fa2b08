// The CA certificates filing signatures must chain to, read from a folder (PEM or DER files).
import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function readTrustList(dir: string): Uint8Array[] {
  const files = readdirSync(dir).filter((name) => /\.(pem|der|crt|cer)$/i.test(name));
  if (files.length === 0) throw new Error(`PORTAL_TRUST_DIR ${dir} holds no certificate (.pem, .der, .crt, .cer)`);
  return files.flatMap((name) => {
    const bytes = readFileSync(join(dir, name));
    const text = bytes.toString('latin1');
    const blocks = text.includes('-----BEGIN CERTIFICATE-----')
      ? (text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [])
      : [bytes];
    // X509Certificate parses PEM or DER and fails loudly on anything else.
    return blocks.map((block) => new Uint8Array(new X509Certificate(block).raw));
  });
}
