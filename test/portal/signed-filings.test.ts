// The portal verifies every filing's CAdES signature (made here on a SoftHSM2 token) and refuses a
// changed byte, another MST, an expired certificate, an untrusted chain and a missing signature, each
// with its reason; a good one is applied and kept with its signature.
import { createPublicKey } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filings } from '../../portal/src/db/schema';
import { filingSigningBytes } from '../../src-common/signing/filing-bytes';
import { verifyReceipt, type Receipt } from '../../src-common/signing/receipt';
import { uuidv7 } from '../../src-common/domain/uuidv7';
import { removeTempDirs } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';
import { enterpriseProfile, push, signedInAccount } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

const companyTaxCode = '0100684378';
let signer: OpenTestToken;
let portal: TestPortal;
let admin: { token: string };

beforeAll(async () => {
  signer = await openTestToken({ mst: companyTaxCode });
  portal = await startTestPortal({ trustedCertificates: signer.trustList() });
  const { id: enterpriseId } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01', 'Công ty TNHH Thử Nghiệm') });
  admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId });
});
afterAll(async () => {
  signer?.close();
  await portal?.close();
  removeTempDirs();
});

function filingPayload(title = 'Đăng ký hợp đồng cung ứng 01/2026') {
  return { filingId: crypto.randomUUID(), version: 1, type: 'contractRegistration', title, content: { workerCount: 3, hostCountry: 'JP' } };
}

async function signed(payload: object, which: 'valid' | 'expired' | 'otherMst' = 'valid') {
  return Buffer.from(await signer.sign(filingSigningBytes(payload), which)).toString('base64');
}

describe(`signed filings (${storageKind})`, () => {
  it('applies a filing signed by the enterprise’s certificate and keeps its signature', async () => {
    const payload = filingPayload();
    const signature = await signed(payload);
    const [result] = await push(portal, admin.token, [{ id: uuidv7(), kind: 'filing.submit', payload, signature }]);
    expect(result).toMatchObject({ status: 'applied' });
    const [row] = await portal.database.db.select().from(filings).where(eq(filings.filingId, payload.filingId));
    expect(row?.signature).toBe(signature);

    // The portal's receipt for it: signed with the portal's published key, over this filing's hash.
    const read = await portal.call('GET', `/api/v1/filings/${payload.filingId}`, { token: admin.token });
    const receipt = read.body.receipt as Receipt;
    expect(receipt).toMatchObject({ filingId: payload.filingId, filingVersion: 1, reference: expect.stringMatching(/^HS-\d{4}-/) });
    const key = await portal.call('GET', '/api/v1/portal/receipt-key');
    expect(key.body.keyId).toBe(receipt.keyId);
    const spki = new Uint8Array(createPublicKey(key.body.publicKeyPem).export({ type: 'spki', format: 'der' }));
    expect(await verifyReceipt(receipt, spki, filingSigningBytes(payload))).toBe(true);
    expect(await verifyReceipt({ ...receipt, receivedAt: new Date(0).toISOString() }, spki, filingSigningBytes(payload))).toBe(false);
    expect(await verifyReceipt(receipt, spki, filingSigningBytes({ ...payload, title: 'khác' }))).toBe(false);
  });

  it('refuses each bad signature with its reason and changes nothing', async () => {
    const payload = filingPayload();
    const good = await signed(payload);
    const changed = { ...payload, title: `${payload.title}.` };
    const cases = [
      { payload: changed, signature: good, code: 'SIGNATURE_INVALID' },
      { payload, signature: await signed(payload, 'otherMst'), code: 'SIGNATURE_PARTY_MISMATCH' },
      { payload, signature: await signed(payload, 'expired'), code: 'CERT_EXPIRED' },
      { payload, signature: undefined, code: 'SIGNATURE_REQUIRED' },
      { payload, signature: Buffer.from('not a signature').toString('base64'), code: 'SIGNATURE_INVALID' },
    ];
    const results = await push(
      portal,
      admin.token,
      cases.map((c) => ({ id: uuidv7(), kind: 'filing.submit', payload: c.payload, ...(c.signature ? { signature: c.signature } : {}) })),
    );
    expect(results.map((r) => r.error?.code)).toEqual(cases.map((c) => c.code));
    expect(await portal.database.db.select().from(filings).where(eq(filings.filingId, payload.filingId))).toEqual([]);
  });

  it('refuses a signature from a CA outside the trust list', async () => {
    const other = await startTestPortal({ trustedCertificates: [] });
    try {
      const { id } = await other.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01') });
      const account = await signedInAccount(other, { role: 'enterpriseAdmin', enterpriseId: id });
      const payload = filingPayload();
      const [result] = await push(other, account.token, [{ id: uuidv7(), kind: 'filing.submit', payload, signature: await signed(payload) }]);
      expect(result?.error?.code).toBe('SIGNATURE_UNTRUSTED');
    } finally {
      await other.close();
    }
  });
});
