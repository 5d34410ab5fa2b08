// The portal accepts manifest-signed filings (one SoftHSM2 signature over a Merkle manifest, each filing
// with its inclusion proof, made by the client's signManifestBatch): 500 at once all applied and kept
// re-verifiable; an altered filing or a broken proof refused alone; a wrong-MST manifest refuses all its
// filings; a mutation carrying both signature forms is malformed.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { filings } from '../../portal/src/db/schema';
import type { VerifyPool } from '../../portal/src/sync/verify-pool';
import { canonicalBytes } from '../../src-common/canonical-json';
import { uuidv7 } from '../../src-common/domain/uuidv7';
import type { Mutation } from '../../src-common/portal-api/mutations';
import { filingSigningBytes } from '../../src-common/signing/filing-bytes';
import { verifyInclusion } from '../../src-common/signing/manifest';
import { manifestSignatureSchema, type ManifestSignature } from '../../src-common/signing/manifest-signature.schema';
import { verifyCadesDetached } from '../../src-common/signing/verify-cades';
import { signManifestBatch } from '../../src-main/core/signing/manifest-signer';
import { Pkcs11Library } from '../../src-main/core/token/pkcs11-token';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { validWorkerUpdate } from '../fixtures/overseas-filings';
import { removeTempDirs, tempDir } from '../helpers/temp-core';
import { enterpriseProfile, push, signedInAccount } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

const companyTaxCode = '0100684379';
let token: TestToken;
let library: Pkcs11Library | null = null;
let portal: TestPortal;
let admin: { token: string };

beforeAll(async () => {
  token = await createTestToken(join(tempDir('labordesk-manifest-'), 'token'), { mst: companyTaxCode });
  // SoftHSM2 reads its configuration when the library is initialised.
  Object.assign(process.env, token.env);
  portal = await startTestPortal({ trustedCertificates: [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)] });
  const { id: enterpriseId } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01', 'Công ty TNHH Bảng Kê') });
  admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId });
});
afterEach(() => {
  library?.close();
  library = null;
});
afterAll(async () => {
  await portal?.close();
  removeTempDirs();
});

const filingPayload = (i: number) => ({
  filingId: crypto.randomUUID(),
  version: 1,
  type: 'workerUpdate',
  title: `Cập nhật người lao động số ${i}`,
  content: validWorkerUpdate(i),
});
type FilingPayload = ReturnType<typeof filingPayload>;

/** Signs the payloads' filing bytes as one manifest on the token (one login, one signature). */
async function manifestSigned(payloads: FilingPayload[], which: 'valid' | 'otherMst' = 'valid'): Promise<ManifestSignature[]> {
  library = new Pkcs11Library(token.module);
  library.load();
  const certificate = library.certificates(token.tokenLabel).find((c) => c.id === token.certs[which]!.id)!;
  const outcome = await signManifestBatch(
    payloads.map((p) => ({ id: p.filingId, content: filingSigningBytes(p) })),
    { library, tokenLabel: token.tokenLabel, certificate, pin: token.userPin, now: () => new Date() },
  );
  expect(outcome.unsigned).toEqual([]);
  return payloads.map((p) => outcome.signed.get(p.filingId)!);
}

const submit = (payload: unknown, manifestSignature: ManifestSignature): Mutation => ({ id: uuidv7(), kind: 'filing.submit', payload, manifestSignature });

describe(`manifest-signed filings (${storageKind})`, () => {
  it('applies 500 filings under one token signature and keeps each one re-verifiable', async () => {
    const payloads = Array.from({ length: 500 }, (_, i) => filingPayload(i));
    const forms = await manifestSigned(payloads);
    expect(new Set(forms.map((f) => f.signature)).size).toBe(1);

    // Count the portal's signature verifications (its worker pool, instrumented, not replaced).
    const pool = (portal.services.sync as unknown as { verifier: VerifyPool }).verifier;
    const verify = pool.verify.bind(pool);
    let verifications = 0;
    pool.verify = (...args) => ((verifications += 1), verify(...args));
    try {
      const results = await push(portal, admin.token, payloads.map((p, i) => submit(p, forms[i]!)));
      expect(results.filter((r) => r.status === 'applied').length).toBe(500);
    } finally {
      pool.verify = verify;
    }
    expect(verifications).toBe(1);

    const stored = await portal.database.db
      .select({ filingId: filings.filingId, signature: filings.signature, signatureManifest: filings.signatureManifest })
      .from(filings)
      .where(inArray(filings.filingId, payloads.map((p) => p.filingId)));
    expect(stored.length).toBe(500);
    expect(stored.every((row) => row.signature === null && row.signatureManifest !== null)).toBe(true);

    // Anyone holding the filing record can check it again: proof to the manifest, manifest signature to the CA.
    const read = await portal.call('GET', `/api/v1/filings/${payloads[137]!.filingId}`, { token: admin.token });
    const kept = manifestSignatureSchema.parse(read.body.signatureManifest);
    expect(kept).toEqual(forms[137]);
    expect(await verifyInclusion(filingSigningBytes(payloads[137]), kept.proof, kept.manifest)).toBe(true);
    const verdict = await verifyCadesDetached(Buffer.from(kept.signature, 'base64'), canonicalBytes(kept.manifest), {
      trustedCertificates: [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)],
      expectedParty: `MST:${companyTaxCode}`,
    });
    expect(verdict.valid).toBe(true);
  });

  it('refuses a filing altered after signing, or with a broken proof, alone; the rest of the manifest is applied', async () => {
    const payloads = Array.from({ length: 20 }, (_, i) => filingPayload(i));
    const forms = await manifestSigned(payloads);
    const mutations = payloads.map((p, i) => submit(p, forms[i]!));
    mutations[5] = submit({ ...payloads[5]!, title: 'Đã bị sửa sau khi ký' }, forms[5]!);
    // Another filing's proof: a real proof of the manifest, but not of this filing.
    mutations[11] = submit(payloads[11], { ...forms[11]!, proof: forms[12]!.proof });

    const results = await push(portal, admin.token, mutations);
    expect(results[5]).toMatchObject({ status: 'rejected', error: { code: 'SIGNATURE_MANIFEST_PROOF_INVALID' } });
    expect(results[11]).toMatchObject({ status: 'rejected', error: { code: 'SIGNATURE_MANIFEST_PROOF_INVALID' } });
    expect(results.filter((r) => r.status === 'applied').length).toBe(18);
    const refused = await portal.database.db.select().from(filings).where(inArray(filings.filingId, [payloads[5]!.filingId, payloads[11]!.filingId]));
    expect(refused).toEqual([]);
  });

  it('accepts the filings of one manifest pushed in several batches', async () => {
    const payloads = Array.from({ length: 12 }, (_, i) => filingPayload(i));
    const forms = await manifestSigned(payloads);
    const mutations = payloads.map((p, i) => submit(p, forms[i]!));
    const first = await push(portal, admin.token, mutations.slice(0, 5));
    const second = await push(portal, admin.token, mutations.slice(5));
    expect([...first, ...second].every((r) => r.status === 'applied')).toBe(true);
  });

  it('refuses every filing of a manifest signed with another MST’s certificate', async () => {
    const payloads = Array.from({ length: 8 }, (_, i) => filingPayload(i));
    const forms = await manifestSigned(payloads, 'otherMst');
    const results = await push(portal, admin.token, payloads.map((p, i) => submit(p, forms[i]!)));
    expect(results.map((r) => r.error?.code)).toEqual(payloads.map(() => 'SIGNATURE_PARTY_MISMATCH'));
    const rows = await portal.database.db.select().from(filings).where(inArray(filings.filingId, payloads.map((p) => p.filingId)));
    expect(rows).toEqual([]);
  });

  it('treats a mutation carrying both signature forms as malformed', async () => {
    const payload = filingPayload(1);
    const [form] = await manifestSigned([payload]);
    const both = { ...submit(payload, form!), signature: form!.signature };
    const answer = await portal.call('POST', '/api/v1/sync/push', { token: admin.token, body: { mutations: [both] } });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('VALIDATION_FAILED');
    expect(await portal.database.db.select().from(filings).where(eq(filings.filingId, payload.filingId))).toEqual([]);
    // Out-of-bounds forms are malformed too (strict, bounded): an extra field, an oversized proof.
    for (const bad of [
      { ...form!, extra: true },
      { ...form!, proof: { ...form!.proof, path: Array.from({ length: 17 }, () => ({ hash: '0'.repeat(64), side: 'left' })) } },
    ]) {
      const refused = await portal.call('POST', '/api/v1/sync/push', { token: admin.token, body: { mutations: [{ ...submit(payload, form!), manifestSignature: bad }] } });
      expect(refused.status).toBe(400);
    }
    // A plain, per-filing form is still the other accepted form (test/portal/signed-filings.test.ts).
    expect(await portal.database.db.select().from(filings).where(isNotNull(filings.signature))).toEqual([]);
  });
});
