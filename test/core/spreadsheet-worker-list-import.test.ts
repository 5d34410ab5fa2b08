// A worker list (.xlsx, Vietnamese headers) imported with the shared workerEntrySchema: good workers accepted,
// a worker whose citizen ID contradicts the birth year reported with the overseas rule's own message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overseasRuleMessages } from '../../src-common/domain/overseas/messages';
import { workerEntrySchema, type WorkerEntry } from '../../src-common/domain/overseas/worker-entry';
import {
  importRows,
  isoDateFromCell,
  numberFromCell,
  openSpreadsheet,
  proposeColumnMapping,
  type CellsByKey,
  type TargetField,
} from '../../src-main/core/spreadsheet';
import { validWorker } from '../fixtures/overseas-filings';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'labordesk-worker-list-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The worker list's columns as an enterprise's template names them, with English aliases.
const workerFields: TargetField[] = [
  { key: 'citizenId', labels: ['Số CCCD', 'Số định danh cá nhân', 'Citizen ID'], required: true },
  { key: 'fullName', labels: ['Họ và tên', 'Full name'], required: true },
  { key: 'birthDate', labels: ['Ngày sinh', 'Date of birth'], required: true },
  { key: 'gender', labels: ['Giới tính', 'Gender'], required: true },
  { key: 'residenceLine', labels: ['Nơi thường trú', 'Residence'], required: true },
  { key: 'residenceProvince', labels: ['Mã tỉnh thường trú', 'Province code'], required: true },
  { key: 'phone', labels: ['Số điện thoại', 'Phone'], required: true },
  { key: 'passportNumber', labels: ['Số hộ chiếu', 'Passport number'], required: true },
  { key: 'passportExpiresOn', labels: ['Ngày hết hạn hộ chiếu', 'Passport expiry'], required: true },
  { key: 'qualification', labels: ['Trình độ chuyên môn', 'Qualification'], required: true },
  { key: 'skills', labels: ['Kỹ năng', 'Skills'], required: false },
  { key: 'trade', labels: ['Ngành nghề', 'Trade'], required: true },
  { key: 'wageAmount', labels: ['Mức lương', 'Wage'], required: true },
  { key: 'wageCurrency', labels: ['Loại tiền', 'Currency'], required: true },
  { key: 'contractTermMonths', labels: ['Thời hạn hợp đồng', 'Contract term'], required: true },
  { key: 'receivingParty', labels: ['Bên tiếp nhận', 'Receiving party'], required: true },
  { key: 'workAddress', labels: ['Địa chỉ nơi làm việc', 'Work address'], required: true },
  { key: 'plannedDeparture', labels: ['Ngày dự kiến xuất cảnh', 'Planned departure'], required: true },
];

const genders: Record<string, string> = { nam: 'male', 'nữ': 'female', male: 'male', female: 'female' };

function workerFromCells(cells: CellsByKey): unknown {
  return {
    citizenId: cells.citizenId,
    fullName: cells.fullName,
    birthDate: isoDateFromCell(cells.birthDate),
    gender: genders[(cells.gender ?? '').toLowerCase()] ?? cells.gender,
    residence: { line: cells.residenceLine, provinceCode: cells.residenceProvince },
    phone: cells.phone,
    passport: { number: cells.passportNumber, expiresOn: isoDateFromCell(cells.passportExpiresOn) },
    qualification: cells.qualification,
    skills: (cells.skills ?? '').split(';').map((skill) => skill.trim()).filter(Boolean),
    trade: cells.trade,
    wage: { amount: numberFromCell(cells.wageAmount), currency: cells.wageCurrency },
    contractTermMonths: numberFromCell(cells.contractTermMonths),
    receivingParty: cells.receivingParty,
    workAddress: cells.workAddress,
    plannedDeparture: isoDateFromCell(cells.plannedDeparture),
  };
}

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
