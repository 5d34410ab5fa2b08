// The portal checks a filing's content with the shared overseas rules (src-common/domain/overseas): a valid signed
// contract registration is applied; a worker list changed after signing, a fee over the cap, a passport ending before
// the contract, and an employer or broker of another enterprise are each refused with a stable code.
// A branch without the "registerContracts" function is refused in sync.test.ts ("enforces the functions an enterprise
// delegates to a branch"), before its content is looked at.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filings } from '../../portal/src/db/schema';
import { uuidv7 } from '../../src-common/domain/uuidv7';
import { filingSigningBytes } from '../../src-common/signing/filing-bytes';
import { validContractRegistration, validInternshipWorkerList, validWorker } from '../fixtures/overseas-filings';
import { removeTempDirs } from '../helpers/temp-core';
import { openTestToken, type OpenTestToken } from '../helpers/token-session';
import { brokerMutation, createOrganisation, employerMutation, enterpriseProfile, push, signedInAccount, type TestOrganisation } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

const companyTaxCode = '0100684378';
let signer: OpenTestToken;
let portal: TestPortal;
let admin: { token: string };
let other: TestOrganisation;
const own = { employerId: crypto.randomUUID(), brokerId: crypto.randomUUID() };
const foreign = { employerId: crypto.randomUUID(), brokerId: crypto.randomUUID() };

beforeAll(async () => {
  signer = await openTestToken({ mst: companyTaxCode });
  portal = await startTestPortal({ trustedCertificates: signer.trustList() });
  const { id: enterpriseId } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01', 'Công ty TNHH Cung ứng Nhân lực') });
  admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId });
  expect((await push(portal, admin.token, [employerMutation(own.employerId), brokerMutation(own.brokerId)])).map((r) => r.status)).toEqual(['applied', 'applied']);
  other = await createOrganisation(portal, '79');
  expect((await push(portal, other.admin.token, [employerMutation(foreign.employerId), brokerMutation(foreign.brokerId)])).map((r) => r.status)).toEqual([
    'applied',
    'applied',
  ]);
});
afterAll(async () => {
  signer?.close();
  await portal?.close();
  removeTempDirs();
});

const registration = <C extends object>(content: C, type = 'contractRegistration') => ({
  filingId: crypto.randomUUID(),
  version: 1,
  type,
  title: 'Đăng ký hợp đồng cung ứng 12/2026',
  content,
});

/** This portal requires signed filings (it has a trust list): each is signed on the token. */
async function signedMutation(payload: object, signedPayload: object = payload) {
  const signature = Buffer.from(await signer.sign(filingSigningBytes(signedPayload))).toString('base64');
  return { id: uuidv7(), kind: 'filing.submit', payload, signature };
}

async function submitSigned(payload: object, signedPayload: object = payload) {
  const [result] = await push(portal, admin.token, [await signedMutation(payload, signedPayload)]);
  return result as { status: string; error?: { code: string; details?: any } };
}

const stored = async (filingId: string) => portal.database.db.select().from(filings).where(eq(filings.filingId, filingId));

describe(`overseas filing contents (${storageKind})`, () => {
  it('applies a signed, valid contract registration naming its own employer and broker, and keeps the content as signed', async () => {
    const payload = registration(
      validContractRegistration({ ...own, fees: { currency: 'JPY', serviceFeePerWorker: 540_000, brokerCommissionPerWorker: 378_000 } }),
    );
    expect(await submitSigned(payload)).toMatchObject({ status: 'applied' });
    const [row] = await stored(payload.filingId);
    expect(row?.content).toEqual(payload.content);
    // A short internship files its worker list.
    const list = registration(validInternshipWorkerList({ employerId: own.employerId }), 'internshipWorkerList');
    expect(await submitSigned(list)).toMatchObject({ status: 'applied' });
  });

  it('refuses a filing whose worker list changed after signing', async () => {
    const signed = registration(validContractRegistration({ employerId: own.employerId }));
    const changed = { ...signed, content: { ...signed.content, workers: [...signed.content.workers.slice(0, 2), validWorker(5)] } };
    expect(await submitSigned(changed, signed)).toMatchObject({ status: 'rejected', error: { code: 'SIGNATURE_INVALID' } });
    // One worker's passport date changed: the same.
    const oneDate = structuredClone(signed);
    oneDate.content.workers[1]!.passport.expiresOn = '2037-01-31';
    expect(await submitSigned(oneDate, signed)).toMatchObject({ status: 'rejected', error: { code: 'SIGNATURE_INVALID' } });
    expect(await stored(signed.filingId)).toEqual([]);
  });

  it('refuses a fee over the cap with FEE_CAP_EXCEEDED and the cap computed, even when signed', async () => {
    const payload = registration(validContractRegistration({ employerId: own.employerId, fees: { currency: 'JPY', serviceFeePerWorker: 540_001, brokerCommissionPerWorker: 0 } }));
    const result = await submitSigned(payload);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'FEE_CAP_EXCEEDED' } });
    expect(result.error!.details.violations).toEqual([
      { path: 'content.fees.serviceFeePerWorker', message: 'serviceFeeExceedsCap', code: 'custom', cap: 540_000, capMonths: 3, currency: 'JPY' },
    ]);
    expect(await stored(payload.filingId)).toEqual([]);
  });

  it('refuses a worker whose passport ends before the contract does, with VALIDATION_FAILED at the worker', async () => {
    const workers = [validWorker(0), validWorker(1, { contractTermMonths: 12, passport: { number: 'C2000001', expiresOn: '2029-06-30' } })];
    const payload = registration(validContractRegistration({ employerId: own.employerId, workers }));
    const result = await submitSigned(payload);
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED' } });
    expect(result.error!.details.issues).toEqual([
      { path: 'content.workers.1.passport.expiresOn', message: 'passportExpiresBeforeContractEnd', code: 'custom' },
    ]);
  });

  it('refuses free-form or invalid content, and an internship under 90 days filed as a registration', async () => {
    expect(await submitSigned(registration({ workerCount: 3, hostCountry: 'JP' }))).toMatchObject({ status: 'rejected', error: { code: 'VALIDATION_FAILED' } });
    const short = registration(validContractRegistration({ employerId: own.employerId, kind: 'internship', term: { start: '2026-07-01', days: 60 }, fees: { currency: 'JPY', serviceFeePerWorker: 0, brokerCommissionPerWorker: 0 } }));
    const refused = await submitSigned(short);
    expect(refused.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { issues: [{ path: 'content.term', message: 'internshipUnder90DaysFileWorkerList' }] } });
  });

  it('refuses an employer or broker of another enterprise, or one that does not exist, as NOT_FOUND', async () => {
    const contents = [
      validContractRegistration({ employerId: foreign.employerId }),
      validContractRegistration({ employerId: own.employerId, brokerId: foreign.brokerId }),
      validContractRegistration({ employerId: crypto.randomUUID() }),
    ];
    // One token session signs one filing at a time.
    const mutations = [];
    for (const content of contents) mutations.push(await signedMutation(registration(content)));
    const results = await push(portal, admin.token, mutations);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual(Array(3).fill(['rejected', 'NOT_FOUND']));
    // An employer created earlier in the same batch counts as the enterprise's own.
    const fresh = crypto.randomUUID();
    const batch = await push(portal, admin.token, [employerMutation(fresh), await signedMutation(registration(validContractRegistration({ employerId: fresh })))]);
    expect(batch.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
});
