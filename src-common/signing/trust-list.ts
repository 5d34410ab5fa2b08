// Certificates from a trust-list file, PEM (one or more blocks) or DER, as DER bytes.

export function certificatesFromFile(bytes: Uint8Array): Uint8Array[] {
  const text = new TextDecoder('latin1').decode(bytes);
  if (!text.includes('-----BEGIN CERTIFICATE-----')) return [bytes];
  const blocks = text.match(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => {
    const base64 = block.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  });
}

export const trustListFilePattern = /\.(pem|der|crt|cer)$/i;
