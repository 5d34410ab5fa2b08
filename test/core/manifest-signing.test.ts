// Manifest signing: one token signature over the Merkle root of 500 filings; each filing verifies alone
// with its inclusion proof, and one altered filing fails alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../src-common/canonical-json';
import { filingSigningBytes } from '../../src-common/signing/filing-bytes';
import { buildManifest, verifyInclusion } from '../../src-common/signing/manifest';
import { verifyCadesDetached } from '../../src-common/signing/verify-cades';
import { removeTempDirs } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';

let signer: OpenTestToken;

beforeAll(async () => {
  signer = await openTestToken();
});
afterAll(() => {
  signer?.close();
  removeTempDirs();
});

const filing = (i: number) => ({ filingId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, version: 1, type: 'workerUpdate', title: `Cập nhật người lao động ${i}`, content: { n: i } });

describe('manifest signing', () => {
  it('gives every filing a proof that verifies, whatever the batch size', async () => {
    for (const size of [1, 2, 3, 7, 8, 33]) {
      const bytes = Array.from({ length: size }, (_, i) => filingSigningBytes(filing(i)));
      const { manifest, proofs } = await buildManifest(bytes);
      const checks = await Promise.all(bytes.map((b, i) => verifyInclusion(b, proofs[i]!, manifest)));
      expect(checks.every(Boolean), `size ${size}`).toBe(true);
      // A proof does not fit another filing.
      if (size > 1) expect(await verifyInclusion(bytes[1]!, proofs[0]!, manifest)).toBe(false);
    }
  });

  it('signs 500 filings with one token signature; each verifies alone, an altered one fails alone', async () => {
    const filings = Array.from({ length: 500 }, (_, i) => filing(i));
    const bytes = filings.map(filingSigningBytes);
    const { manifest, proofs } = await buildManifest(bytes);
    const signature = await signer.sign(canonicalBytes(manifest));
    const verdict = await verifyCadesDetached(signature, canonicalBytes(manifest), {
      trustedCertificates: signer.trustList(),
      expectedParty: signer.token.certs.valid.mst,
    });
    expect(verdict.valid).toBe(true);

    const altered = bytes.map((b, i) => (i === 137 ? filingSigningBytes({ ...filings[i]!, title: 'Đã bị sửa' }) : b));
    const results = await Promise.all(altered.map((b, i) => verifyInclusion(b, proofs[i]!, manifest)));
    expect(results.filter((ok) => !ok).length).toBe(1);
    expect(results[137]).toBe(false);
    expect(await verifyInclusion(bytes[137]!, proofs[137]!, { ...manifest, root: '0'.repeat(64) })).toBe(false);
  });
});
