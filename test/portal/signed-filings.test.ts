// The portal verifies every filing's CAdES signature (made here on a SoftHSM2 token) and refuses a
// changed byte, another MST, an expired certificate, an untrusted chain and a missing signature, each
// with its reason; a good one is applied and kept with its signature.
import { createPublicKey } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filings } from '../../portal/src/db/schema';
import { filingSigningBytes } from '../../src-common/signing/filing-bytes';
import { verifyReceipt, type Receipt } from '../../src-common/signing/receipt';
import { addSignatureTimestamp, createSignatureTimestampRequest, timestampTokenFromResponse } from '../../src-common/signing/timestamp';
import { verifyCadesDetached } from '../../src-common/signing/verify-cades';
import { uuidv7 } from '../../src-common/domain/uuidv7';
import { removeTempDirs } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';
import { validContractRegistration } from '../fixtures/overseas-filings';
import { employerMutation, enterpriseProfile, push, signedInAccount } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

const companyTaxCode = '0100684378';
let signer: OpenTestToken;
let portal: TestPortal;
let admin: { token: string };
let employerId: string;

beforeAll(async () => {
  signer = await openTestToken({ mst: companyTaxCode });
  portal = await startTestPortal({ trustedCertificates: signer.trustList() });
  const { id: enterpriseId } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01', 'Công ty TNHH Thử Nghiệm') });
  admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId });
  employerId = crypto.randomUUID();
  const [employer] = await push(portal, admin.token, [employerMutation(employerId)]);
  if (employer?.status !== 'applied') throw new Error(`employer not created: ${JSON.stringify(employer)}`);
});
afterAll(async () => {
  signer?.close();
  await portal?.close();
  removeTempDirs();
});

function filingPayload(title = 'Đăng ký hợp đồng cung ứng 01/2026') {
  return { filingId: crypto.randomUUID(), version: 1, type: 'contractRegistration', title, content: validContractRegistration({ employerId }) };
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

  it('checks a CAdES-T filing’s timestamp against its own TSA: applied when it holds, refused when the token was changed', async () => {
    // The TSA's time is the portal clock's: bring it to the real time the token signs at.
    portal.clock.advance(Date.now() - portal.clock.now().getTime());
    const stamped = async (payload: object) => {
      const p7s = await signer.sign(filingSigningBytes(payload));
      const request = await createSignatureTimestampRequest(p7s);
      const reply = await fetch(`${portal.url}/api/v1/tsa`, {
        method: 'POST',
        headers: { 'content-type': 'application/timestamp-query', authorization: `Bearer ${admin.token}` },
        body: Buffer.from(request.der),
      });
      return addSignatureTimestamp(p7s, timestampTokenFromResponse(new Uint8Array(await reply.arrayBuffer()), request));
    };
    const good = filingPayload('Đăng ký hợp đồng có dấu thời gian');
    const goodP7s = await stamped(good);
    const tsaPem = await (await fetch(`${portal.url}/api/v1/tsa/certificate`)).text();
    const tsaDer = new Uint8Array(Buffer.from(tsaPem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
    const verdict = await verifyCadesDetached(goodP7s, filingSigningBytes(good), { trustedCertificates: signer.trustList(), trustedTimestampAuthorities: [tsaDer] });
    expect(verdict, JSON.stringify(verdict)).toMatchObject({ valid: true, timestamp: { verified: true, tsaName: 'LaborDesk Portal TSA' } });
    // No trusted TSA: still a valid CAdES-BES, its timestamp shown as unverified.
    expect(await verifyCadesDetached(goodP7s, filingSigningBytes(good), { trustedCertificates: signer.trustList() })).toMatchObject({
      valid: true,
      timestamp: { verified: false },
    });

    const broken = filingPayload('Đăng ký hợp đồng, dấu thời gian bị sửa');
    const brokenP7s = await stamped(broken);
    // The last byte is the TSA's own signature: the filing's signature is intact, the timestamp is not.
    brokenP7s[brokenP7s.length - 1] = brokenP7s[brokenP7s.length - 1]! ^ 0x01;
    const results = await push(portal, admin.token, [
      { id: uuidv7(), kind: 'filing.submit', payload: good, signature: Buffer.from(goodP7s).toString('base64') },
      { id: uuidv7(), kind: 'filing.submit', payload: broken, signature: Buffer.from(brokenP7s).toString('base64') },
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(results[1]?.error?.code).toBe('SIGNATURE_TIMESTAMP_INVALID');
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
