// The filing lifecycle on the enterprise's side, through a real core, a SoftHSM2 token and a real portal
// (nothing mocked): a draft saved incomplete, refused at "Ký và nộp" by the shared rules, then signed
// with one PIN, queued, pushed (timestamped on the way), received with the portal's receipt, with every
// transition on its timeline; a submitted version is read-only and a supplement opens the next version.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingView } from '../../src-common/contract';
import type { Core } from '../../src-main/core/index';
import ExcelJS from 'exceljs';
import { validContractRegistration, validWorker } from '../fixtures/overseas-filings';
import { createTestToken, type TestToken } from '../fixtures/softhsm-token.mjs';
import { createTestCore, expectOk, removeTempDirs, tempDir } from '../helpers/temp-core';
import { enterpriseProfile, goodPassword, signedInAccount } from '../portal/helpers/org-fixtures';
import { startTestPortal, type TestPortal } from '../portal/helpers/portal-harness';

const companyTaxCode = '0101234567';
let token: TestToken;
let portal: TestPortal;
let core: Core;
let employerId: string;

const call = async <T = any>(method: string, input: unknown = {}) => expectOk((await core.invoke(method, input)) as never) as T;
const failureOf = async (method: string, input: unknown) => {
  const result = await core.invoke(method, input);
  if (result.ok) throw new Error(`expected ${method} to fail`);
  return result.error as { code: string; message: string; details?: any };
};
const signing = (filings: { filingId: string; version: number }[], pin = token.userPin) => ({
  filings,
  tokenLabel: token.tokenLabel,
  certificateId: token.certs.valid.id,
  pin,
  taskId: crypto.randomUUID(),
});

beforeAll(async () => {
  const dir = tempDir('labordesk-filings-');
  token = await createTestToken(join(dir, 'token'));
  Object.assign(process.env, token.env);
  portal = await startTestPortal({ trustedCertificates: [new Uint8Array(new X509Certificate(readFileSync(token.caCertPem)).raw)] });
  // The portal's TSA stamps with its clock: the real time, as the token signs at the real time.
  portal.clock.advance(Date.now() - portal.clock.now().getTime());
  const { id } = await portal.services.admin.createEnterprise({ taxCode: companyTaxCode, profile: enterpriseProfile('01') });
  const admin = await signedInAccount(portal, { role: 'enterpriseAdmin', enterpriseId: id });
  core = await createTestCore({ dataDir: tempDir('labordesk-filings-client-'), portalUrl: portal.url, sync: { autoSync: false } });
  await call('settings:set', { pkcs11ModulePath: token.module });
  await call('session:signIn', { portalUrl: portal.url, username: admin.username, password: goodPassword });
  employerId = crypto.randomUUID();
  await call('records:commit', {
    kind: 'employer.upsert',
    payload: { id: employerId, fields: { name: 'Tanaka Seiki Co., Ltd.', country: 'JP', address: 'Osaka', registrationNumber: 'OS-1', sector: 'Cơ khí', contact: {} } },
  });
  await call('sync:run');
}, 120_000);
afterAll(async () => {
  await core?.close();
  await portal?.close();
  removeTempDirs();
});

describe('filings lifecycle', () => {
  it('keeps an incomplete draft, refuses to sign it with the rule that fails, then signs, submits and gets the receipt', async () => {
    const draft = await call<FilingView>('filings:saveDraft', { type: 'contractRegistration', title: 'Đăng ký hợp đồng cung ứng 01/2026', content: { kind: 'supply' } });
    expect(draft).toMatchObject({ version: 1, state: 'draft', signed: false });
    const ref = { filingId: draft.filingId, version: 1 };

    const refused = await call('filings:signAndSubmit', signing([ref]));
    expect(refused.submitted).toEqual([]);
    expect(refused.notSubmitted).toEqual([expect.objectContaining({ ...ref, code: 'VALIDATION_FAILED' })]);
    expect(refused.notSubmitted[0].details.issues.length).toBeGreaterThan(0);

    const content = validContractRegistration({ employerId }, 3);
    await call('filings:saveDraft', { ...ref, type: 'contractRegistration', title: draft.title, content });
    const done = await call('filings:signAndSubmit', signing([ref]));
    expect(done).toEqual({ submitted: [ref], notSubmitted: [] });
    expect(await call<FilingView>('filings:get', ref)).toMatchObject({ state: 'submitted', signed: true });

    // A submitted version is what was signed: it cannot be edited or deleted any more.
    expect((await failureOf('filings:saveDraft', { ...ref, type: 'contractRegistration', title: 'khác', content })).code).toBe('FILING_ALREADY_SUBMITTED');
    expect((await failureOf('filings:deleteDraft', ref)).code).toBe('FILING_ALREADY_SUBMITTED');

    await call('sync:run');
    const received = await call<FilingView>('filings:get', ref);
    expect(received).toMatchObject({ state: 'received', receiptStatus: 'valid', receipt: { filingId: ref.filingId, filingVersion: 1 } });
    expect(received.history.map((h) => h.transition)).toEqual(['created', 'edited', 'signed', 'submitted', 'received']);
    const signedEntry = received.history.find((h) => h.transition === 'signed')!;
    expect(signedEntry.detail).toMatchObject({ partyId: `MST:${companyTaxCode}`, signatureSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(received.history.find((h) => h.transition === 'received')!.actor).toBe('portal');

    const list = await call('filings:list', { search: 'dang ky hop dong cung ung' });
    expect(list.rows).toEqual([expect.objectContaining({ ...ref, state: 'received', receiptStatus: 'valid' })]);
  }, 60_000);

  it('signs and queues nothing on a wrong PIN, and opens version 2 as a supplement prefilled from version 1', async () => {
    const first = await call<FilingView>('filings:saveDraft', { type: 'contractRegistration', title: 'Hợp đồng 02/2026', content: validContractRegistration({ employerId }, 1) });
    const ref = { filingId: first.filingId, version: 1 };
    // A wrong PIN signs nothing and queues nothing.
    const wrong = await failureOf('filings:signAndSubmit', signing([ref], '000000'));
    expect(wrong.code).toBe('TOKEN_PIN_INCORRECT');
    expect((await call<FilingView>('filings:get', ref)).state).toBe('draft');

    await call('filings:signAndSubmit', signing([ref]));
    await call('sync:run');
    const next = await call<FilingView>('filings:newVersion', { filingId: ref.filingId });
    expect(next).toMatchObject({ filingId: ref.filingId, version: 2, state: 'draft', title: 'Hợp đồng 02/2026' });
    expect(next.content).toEqual((await call<FilingView>('filings:get', ref)).content);
    expect((await call('filings:deleteDraft', { filingId: ref.filingId, version: 2 })).deleted).toBe(true);
  }, 60_000);

  it('imports a worker list from .xlsx: good rows become workers, a bad row is reported with its reason and an .xlsx to correct', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Họ và tên', 'Số CCCD', 'Ngày sinh', 'Giới tính', 'Nơi thường trú', 'Mã tỉnh thường trú', 'Số điện thoại', 'Số hộ chiếu', 'Ngày hết hạn hộ chiếu',
      'Trình độ chuyên môn', 'Kỹ năng', 'Ngành nghề', 'Mức lương', 'Loại tiền', 'Thời hạn hợp đồng (tháng)', 'Bên tiếp nhận', 'Địa chỉ nơi làm việc', 'Ngày dự kiến xuất cảnh']);
    const row = (w: ReturnType<typeof validWorker>) => [w.fullName, w.citizenId, w.birthDate.split('-').reverse().join('/'), w.gender === 'male' ? 'Nam' : 'Nữ',
      w.residence.line, w.residence.provinceCode, w.phone, w.passport.number, w.passport.expiresOn, w.qualification, w.skills.join('; '), w.trade,
      w.wage.amount, w.wage.currency, w.contractTermMonths, w.receivingParty, w.workAddress, w.plannedDeparture];
    sheet.addRow(row(validWorker(0)));
    sheet.addRow(row(validWorker(1, { passport: { number: 'C7654321', expiresOn: '2027-01-01' } })));
    sheet.addRow(row(validWorker(2)));
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const result = await call('filings:importWorkerList', { name: 'danh-sach-nld.xlsx', content });
    expect(result.workers).toEqual([validWorker(0), validWorker(2)]);
    expect(result.rejected).toEqual([{ rowNumber: 3, reasons: [expect.objectContaining({ field: 'passport.expiresOn' })] }]);
    expect(result.rejected[0].reasons[0].message).toMatch(/hộ chiếu/i);
    const report = new ExcelJS.Workbook();
    await report.xlsx.load(Buffer.from(result.rejectedReport, 'base64') as never);
    expect(String(report.worksheets[0]!.getRow(2).getCell(1).value)).toBe(validWorker(1).fullName);
    // A file without the required columns says which.
    const bare = new ExcelJS.Workbook();
    bare.addWorksheet('x').addRow(['Họ và tên']);
    const missing = await failureOf('filings:importWorkerList', { name: 'x.xlsx', content: Buffer.from(await bare.xlsx.writeBuffer()).toString('base64') });
    expect(missing.code).toBe('SPREADSHEET_COLUMNS_MISSING');
    expect(missing.details.columns).toContain('Số CCCD');
  });

  it('follows workers abroad: departure and early return recorded as worker updates, the due board, then the liquidation', async () => {
    const registration = await call<FilingView>('filings:saveDraft', {
      type: 'contractRegistration',
      title: 'Hợp đồng cung ứng 03/2026',
      content: validContractRegistration({ employerId }, 2),
    });
    await call('filings:signAndSubmit', signing([{ filingId: registration.filingId, version: 1 }]));
    await call('sync:run');
    const worker = validWorker(0);
    const mine = async () => (await call('workers:list', { search: worker.citizenId })).rows.filter((r: any) => r.registrationFilingId === registration.filingId);
    expect(await mine()).toEqual([expect.objectContaining({ fullName: worker.fullName, status: 'notDeparted', unreportedEvents: 0, liquidationFiled: false })]);

    const base = { registrationFilingId: registration.filingId, citizenId: worker.citizenId };
    const update = await call<FilingView>('workers:recordEvent', { ...base, event: { type: 'departed', date: '2026-07-02', flightNumber: 'VN310', arrivalCountry: 'JP' } });
    expect(update).toMatchObject({ type: 'workerUpdate', version: 1, state: 'draft' });
    expect(await mine()).toEqual([expect.objectContaining({ status: 'abroad', unreportedEvents: 1, lastEvent: { type: 'departed', date: '2026-07-02' } })]);
    // Unreported departure: due 5 days after it, so overdue today.
    const due = (await call('workers:due')).items.filter((i: any) => i.subject.citizenId === worker.citizenId && i.subject.registrationId === registration.filingId);
    expect(due).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'workerDepartureUpdate', dueOn: '2026-07-07', overdue: true, title: expect.any(String) })]));

    await call('filings:signAndSubmit', signing([{ filingId: update.filingId, version: 1 }]));
    await call('sync:run');
    expect(await mine()).toEqual([expect.objectContaining({ status: 'abroad', unreportedEvents: 0 })]);

    // A second event opens version 2 of the same worker's update, carrying the whole timeline.
    const back = await call<FilingView>('workers:recordEvent', { ...base, event: { type: 'returnedEarly', date: '2026-11-20', reason: 'health' } });
    expect(back).toMatchObject({ filingId: update.filingId, version: 2 });
    expect((back.content.events as unknown[]).length).toBe(2);
    await call('filings:signAndSubmit', signing([{ filingId: update.filingId, version: 2 }]));
    await call('sync:run');
    expect(await mine()).toEqual([expect.objectContaining({ status: 'returnedEarly', unreportedEvents: 0 })]);

    const liquidation = await call<FilingView>('filings:saveDraft', {
      type: 'liquidation',
      title: `Thanh lý hợp đồng ${worker.fullName}`,
      content: {
        ...base,
        contractEndsOn: '2029-06-30',
        returnedOn: '2026-11-20',
        reason: 'health',
        settlement: { depositRefund: 10_000_000, serviceFeeRefund: 2_500_000, brokerageRefund: 0, compensationPaid: 0, compensationReceived: 0, other: 0 },
        agreedByBothSides: true,
        agreedOn: '2026-11-22',
      },
    });
    expect(await call('filings:signAndSubmit', signing([{ filingId: liquidation.filingId, version: 1 }]))).toMatchObject({ notSubmitted: [] });
    await call('sync:run');
    expect(await mine()).toEqual([expect.objectContaining({ liquidationFiled: true })]);
    expect((await call<FilingView>('filings:get', { filingId: liquidation.filingId, version: 1 })).state).toBe('received');

    // Both lists export to .xlsx with Vietnamese titles and real date cells.
    const workersFile = await call('workers:export', { search: worker.citizenId });
    expect(workersFile.fileName).toMatch(/^nguoi-lao-dong-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workersBook = new ExcelJS.Workbook();
    await workersBook.xlsx.load(Buffer.from(workersFile.content, 'base64') as never);
    const sheet = workersBook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Số CCCD');
    // The same worker appears under each registration these tests filed: find this one's row.
    const row = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2)).find((r) => r.getCell(3).value === 'Hợp đồng cung ứng 03/2026')!;
    expect(row.getCell(1).value).toBe(worker.citizenId);
    expect(row.getCell(5).value).toBe('returnedEarly');
    expect(row.getCell(7).value).toBeInstanceOf(Date);
    const filingsFile = await call('filings:export', { search: 'hop dong cung ung 03/2026' });
    const filingsBook = new ExcelJS.Workbook();
    await filingsBook.xlsx.load(Buffer.from(filingsFile.content, 'base64') as never);
    expect(filingsBook.worksheets[0]!.getRow(2).getCell(4).value).toBe('Hợp đồng cung ứng 03/2026');
    expect(filingsBook.worksheets[0]!.rowCount).toBe(2);

    // The other worker never left: an incident abroad breaks the sequence rules, so it is not signed.
    const other = validWorker(1);
    const wrong = await call<FilingView>('workers:recordEvent', {
      registrationFilingId: registration.filingId,
      citizenId: other.citizenId,
      event: { type: 'incident', date: '2026-08-01', kind: 'accident', description: 'Tai nạn lao động nhẹ' },
    });
    const refused = await call('filings:signAndSubmit', signing([{ filingId: wrong.filingId, version: 1 }]));
    expect(refused.notSubmitted).toEqual([expect.objectContaining({ code: 'VALIDATION_FAILED' })]);
  }, 90_000);

  it('exports a registry list (foreign employers) to .xlsx with Vietnamese titles', async () => {
    const file = await call('records:export', { entity: 'employer', search: 'tanaka' });
    expect(file.fileName).toMatch(/^chu-su-dung-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Chủ sử dụng');
    expect([1, 2].map((n) => sheet.getRow(n).getCell(1).value)).toEqual(['Tên chủ sử dụng', 'Tanaka Seiki Co., Ltd.']);
    expect(sheet.getRow(2).getCell(2).value).toBe('JP');
    expect((await failureOf('records:export', { entity: 'filing' })).code).toBe('VALIDATION_FAILED');
  });

  it('puts on the due board the worker list before a planned visa application, a branch change not yet reported and the annual report', async () => {
    const draft = await call<FilingView>('filings:saveDraft', {
      type: 'contractRegistration',
      title: 'Hợp đồng 04/2026 (chưa nộp)',
      content: { ...validContractRegistration({ employerId }, 1), visaApplicationOn: '2026-12-15' },
    });
    const branchId = crypto.randomUUID();
    await call('records:commit', {
      kind: 'branch.upsert',
      payload: { id: branchId, fields: { code: 'DN', name: 'Chi nhánh Đà Nẵng', address: { line: 'Số 1 Bạch Đằng', provinceCode: '48' }, manager: 'Lê Văn Bình', functions: ['registerContracts'] } },
    });
    const items = (await call('workers:due')).items as { kind: string; subject: Record<string, unknown>; dueOn: string }[];
    // Tuesday 15/12/2026 minus 5 working days.
    expect(items).toContainEqual(expect.objectContaining({ kind: 'workerListBeforeVisa', subject: expect.objectContaining({ registrationId: draft.filingId }), dueOn: '2026-12-08' }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'branchChange', subject: expect.objectContaining({ branchId }) }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'annualReport', dueOn: '2026-12-19' }));
    // Once synced, the branch change is reported and leaves the board.
    await call('sync:run');
    expect(((await call('workers:due')).items as { kind: string }[]).some((i) => i.kind === 'branchChange')).toBe(false);
  });
});

