// A worker list (.xlsx, Vietnamese headers) imported with the shared workerEntrySchema: good workers accepted,
// a worker whose citizen ID contradicts the birth year reported with the overseas rule's own message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overseasRuleMessages } from '../../src-common/domain/overseas/messages';
import { workerEntrySchema, type WorkerEntry } from '../../src-common/domain/overseas/worker-entry';
import { workerFromCells, workerListFields as workerFields } from '../../src-main/core/filings/worker-list-import';
import { importRows, openSpreadsheet, proposeColumnMapping } from '../../src-main/core/spreadsheet';
import { validWorker } from '../fixtures/overseas-filings';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'labordesk-worker-list-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const headerRow = [
  'STT', 'Họ và tên', 'Số CCCD', 'Ngày sinh (dd/mm/yyyy)', 'Giới tính', 'Nơi thường trú', 'Mã tỉnh thường trú', 'Số điện thoại',
  'Số hộ chiếu', 'Ngày hết hạn hộ chiếu', 'Trình độ chuyên môn', 'Kỹ năng', 'Ngành nghề', 'Mức lương', 'Loại tiền',
  'Thời hạn hợp đồng (tháng)', 'Bên tiếp nhận', 'Địa chỉ nơi làm việc', 'Ngày dự kiến xuất cảnh',
];
const utcDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

function sheetRow(n: number, worker: WorkerEntry, birthDateAsText = false): unknown[] {
  return [
    n, worker.fullName, worker.citizenId, birthDateAsText ? worker.birthDate.split('-').reverse().join('/') : utcDate(worker.birthDate),
    worker.gender === 'male' ? 'Nam' : 'Nữ', worker.residence.line, worker.residence.provinceCode, worker.phone,
    worker.passport.number, utcDate(worker.passport.expiresOn), worker.qualification, worker.skills.join('; '), worker.trade,
    worker.wage.amount, worker.wage.currency, worker.contractTermMonths, worker.receivingParty, worker.workAddress,
    utcDate(worker.plannedDeparture),
  ];
}

describe('worker list import', () => {
  it('imports workers with workerEntrySchema and reports the bad row with the rule message', async () => {
    const file = join(dir, 'danh-sach-nld.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách NLĐ');
    sheet.addRow(headerRow);
    sheet.addRow(sheetRow(1, validWorker(0)));
    sheet.addRow(sheetRow(2, validWorker(1), true)); // birth date typed as dd/mm/yyyy text
    sheet.addRow(sheetRow(3, validWorker(2, { birthDate: '1999-05-12' }))); // the ID says born 1997
    await workbook.xlsx.writeFile(file);

    const reader = await openSpreadsheet(file);
    const proposal = proposeColumnMapping(reader.header.cells, workerFields);
    await reader.close();
    expect(proposal.unmappedRequired).toEqual([]);
    expect(proposal.unusedColumns).toEqual([0]); // STT

    const outcome = await importRows({
      file,
      mapping: proposal.mapping,
      toRecord: workerFromCells,
      schema: workerEntrySchema,
      ruleMessages: overseasRuleMessages,
    });
    if (outcome.status !== 'completed') throw new Error('expected a completed import');
    expect(outcome.accepted).toEqual([
      { rowNumber: 2, record: validWorker(0) },
      { rowNumber: 3, record: validWorker(1) },
    ]);
    expect(outcome.rejected).toHaveLength(1);
    expect(outcome.rejected[0]).toMatchObject({
      rowNumber: 4,
      reasons: [{ field: 'citizenId', column: 'Số CCCD', message: overseasRuleMessages.citizenIdBirthMismatch }],
    });
  });
});
