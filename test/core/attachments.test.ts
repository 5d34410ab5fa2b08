// Dossier attachments on the client, against a real portal (PGlite) and a real encrypted store: kept in
// the account's SQLCipher store (not readable in the file), checked by magic bytes, uploaded before the
// filing that names them is pushed, and a filing whose bytes are nowhere waits in the outbox.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src-main/core/index';
import { fixtureFile, type FixtureFile } from '../fixtures/attachment-files';
import { validContractRegistration } from '../fixtures/overseas-filings';
import { createTestCore, expectOk, removeTempDirs, tempDir } from '../helpers/temp-core';
import { createOrganisation, employerMutation, goodPassword, officerOf, push, signedInAccount, type TestOrganisation } from '../portal/helpers/org-fixtures';
import { startTestPortal, type TestPortal } from '../portal/helpers/portal-harness';

let portal: TestPortal;
let A: TestOrganisation;
let B: TestOrganisation;
let core: Core;
let dataDir: string;
let employerId: string;
let officer01: { token: string };

const call = async <T = any>(method: string, input: unknown = {}) => expectOk((await core.invoke(method, input)) as never) as T;
const failureOf = async (method: string, input: unknown) => {
  const result = await core.invoke(method, input);
  if (result.ok) throw new Error(`expected ${method} to fail`);
  return result.error as { code: string; message: string; details?: any };
};
const add = (name: string, file: FixtureFile) => call('attachments:add', { name, mime: file.mime, content: file.bytes.toString('base64') });
const fromPortal = async (token: string, sha256: string) => {
  const response = await fetch(`${portal.url}/api/v1/attachments/${sha256}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
};

function contractorFiling(files: { name: string; file: FixtureFile }[]) {
  const filingId = crypto.randomUUID();
  const content = validContractRegistration({
    employerId,
    kind: 'contractor',
    attachments: files.map(({ name, file }, i) => ({ kind: i === 0 ? 'registrationLetter' : 'contractCopy', name, mime: file.mime, size: file.bytes.length, sha256: file.sha256 })),
  });
  return { filingId, commit: { kind: 'filing.submit', payload: { filingId, version: 1, type: 'contractRegistration', title: `Đăng ký hợp đồng ${filingId.slice(0, 8)}`, content } } };
}

beforeAll(async () => {
  portal = await startTestPortal({ requireAttachmentBytes: true });
  A = await createOrganisation(portal, '01');
  B = await createOrganisation(portal, '79');
  officer01 = await officerOf(portal, 'province', '01');
  const user = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: A.enterpriseId });
  dataDir = tempDir('labordesk-attachments-');
  core = await createTestCore({ dataDir, portalUrl: portal.url, sync: { autoSync: false, requireAttachmentBytes: true } });
  await call('session:signIn', { portalUrl: portal.url, username: user.username, password: goodPassword });
  employerId = crypto.randomUUID();
  expect((await push(portal, A.admin.token, [employerMutation(employerId)]))[0]!.status).toBe('applied');
}, 60_000);
afterAll(async () => {
  await core?.close();
  await portal?.close();
  removeTempDirs();
});

describe('attachments on the client', () => {
  it('keeps a file encrypted in the account store and gives it back; refuses a type its bytes contradict and folder names', async () => {
    const scan = fixtureFile('image/jpeg', 50_000);
    const added = await add('Bản dịch công chứng.jpg', scan);
    expect(added).toEqual({ sha256: scan.sha256, size: scan.bytes.length, name: 'Bản dịch công chứng.jpg', mime: 'image/jpeg' });
    const got = await call('attachments:get', { sha256: scan.sha256 });
    expect(got).toMatchObject({ name: 'Bản dịch công chứng.jpg', mime: 'image/jpeg' });
    expect(Buffer.from(got.content, 'base64').equals(scan.bytes)).toBe(true);
    // Added again (another name): one file, the same hash.
    expect((await add('copy.jpg', scan)).sha256).toBe(scan.sha256);

    // Encrypted at rest: no run of the file's bytes shows in the account's database or its WAL.
    const accounts = join(dataDir, 'accounts');
    const files = readdirSync(accounts).flatMap((id) => ['account.db', 'account.db-wal'].map((f) => join(accounts, id, f))).filter(existsSync);
    expect(files.length).toBeGreaterThan(0);
    const probe = scan.bytes.subarray(1000, 1064);
    for (const file of files) expect(readFileSync(file).includes(probe)).toBe(false);

    const png = fixtureFile('image/png');
    const mismatch = await failureOf('attachments:add', { name: 'hợp-đồng.pdf', mime: 'application/pdf', content: png.bytes.toString('base64') });
    expect(mismatch).toMatchObject({ code: 'ATTACHMENT_TYPE_MISMATCH', details: { declared: 'application/pdf', detected: 'image/png' } });
    const text = Buffer.from('just text, not a PDF');
    expect((await failureOf('attachments:add', { name: 'a.pdf', mime: 'application/pdf', content: text.toString('base64') })).code).toBe('ATTACHMENT_TYPE_MISMATCH');
    for (const name of ['../../etc/passwd', 'thư mục/tệp.pdf', 'C:\\Users\\x.pdf', '..', 'a\u0000.pdf']) {
      expect((await failureOf('attachments:add', { name, mime: 'application/pdf', content: fixtureFile('application/pdf').bytes.toString('base64') })).code, name).toBe('VALIDATION_FAILED');
    }
    expect((await failureOf('attachments:get', { sha256: fixtureFile('application/pdf').sha256 })).code).toBe('NOT_FOUND');
    expect((await failureOf('attachments:get', { sha256: '../x' })).code).toBe('VALIDATION_FAILED');
  });

  it('uploads a filing’s two attachments before pushing it; the province officer reads them, another enterprise cannot', async () => {
    const letter = fixtureFile('application/pdf', 120_000);
    const copy = fixtureFile('image/png', 40_000);
    await add('Công văn đăng ký.pdf', letter);
    await add('Bản sao hợp đồng.png', copy);
    const { filingId, commit } = contractorFiling([
      { name: 'Công văn đăng ký.pdf', file: letter },
      { name: 'Bản sao hợp đồng.png', file: copy },
    ]);
    await call('records:commit', commit);
    const status = await call('sync:run');
    expect(status).toMatchObject({ pending: 0, needsAttention: 0, lastError: null });
    expect((await portal.call('GET', `/api/v1/filings/${filingId}`, { token: A.admin.token })).status).toBe(200);

    for (const file of [letter, copy]) {
      const seen = await fromPortal(officer01.token, file.sha256);
      expect(seen.status).toBe(200);
      expect(seen.bytes.equals(file.bytes)).toBe(true);
      expect((await fromPortal(A.admin.token, file.sha256)).status).toBe(200);
      expect((await fromPortal(B.admin.token, file.sha256)).status).toBe(404);
    }
  });

  it('keeps a filing whose attachment is nowhere in the outbox with ATTACHMENT_MISSING, and pushes it once the file is added', async () => {
    const kept = fixtureFile('application/pdf');
    const lost = fixtureFile('application/pdf');
    await add('Công văn.pdf', kept);
    const { filingId, commit } = contractorFiling([
      { name: 'Công văn.pdf', file: kept },
      { name: 'Hợp đồng.pdf', file: lost },
    ]);
    await call('records:commit', commit);
    // Another change behind it is not held up.
    const otherEmployer = crypto.randomUUID();
    await call('records:commit', { kind: 'employer.upsert', payload: { id: otherEmployer, fields: { name: 'Busan Marine', country: 'KR', address: 'Busan', registrationNumber: 'KR-9', sector: 'Thủy sản', contact: {} } } });

    const held = await call('sync:run');
    expect(held).toMatchObject({ pending: 1, needsAttention: 0, lastError: { code: 'ATTACHMENT_MISSING' } });
    expect(held.lastError.message).toMatch(/tệp đính kèm/);
    expect((await portal.call('GET', `/api/v1/filings/${filingId}`, { token: A.admin.token })).status).toBe(404);
    expect((await portal.call('GET', `/api/v1/employers/${otherEmployer}`, { token: A.admin.token })).status).toBe(200);
    // What could be uploaded was: the portal has the first file already.
    expect((await fromPortal(A.admin.token, kept.sha256)).status).toBe(200);

    await add('Hợp đồng.pdf', lost);
    expect(await call('sync:run')).toMatchObject({ pending: 0, needsAttention: 0, lastError: null });
    expect((await portal.call('GET', `/api/v1/filings/${filingId}`, { token: A.admin.token })).status).toBe(200);
    expect((await fromPortal(officer01.token, lost.sha256)).status).toBe(200);
  });
});
