// Row import over real files: bad rows reported with their row number and reasons (vi + en) and skipped,
// cancel gives nothing accepted, the rejected-rows report re-opens with its reason column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  importRows,
  isoDateFromCell,
  numberFromCell,
  proposeColumnMapping,
  reasonColumnHeader,
  sourceRowColumnHeader,
  writeRejectedRowsReport,
  type ImportProgress,
  type TargetField,
} from '../../src-main/core/spreadsheet';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'labordesk-row-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fields: TargetField[] = [
  { key: 'fullName', labels: ['Họ và tên', 'Full name'], required: true },
  { key: 'birthDate', labels: ['Ngày sinh', 'Date of birth'], required: true },
  { key: 'wage', labels: ['Mức lương', 'Wage'], required: true },
  { key: 'email', labels: ['Email', 'Thư điện tử'], required: false },
];

// A small schema of the test's own, with one rule key (as the shared schemas write their messages).
const personSchema = z.strictObject({
  fullName: z.string().min(1).max(20),
  birthDate: z.iso.date(),
  wage: z.number().positive(),
  email: z.email().optional(),
  code: z.string().refine((code) => code.startsWith('NV'), { message: 'staffCode' }),
});
const ruleMessages = { staffCode: { vi: 'Mã nhân viên bắt đầu bằng NV.', en: 'A staff code starts with NV.' } };

const toRecord = (cells: Record<string, string | undefined>) => ({
  fullName: cells.fullName,
  birthDate: isoDateFromCell(cells.birthDate),
  wage: numberFromCell(cells.wage),
  email: cells.email,
  code: cells.code ?? 'NV-mặc-định',
});

async function writeXlsx(path: string, rows: unknown[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Nhân sự');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

describe('importRows', () => {
  it('accepts good rows, and reports a bad row with its row number and reasons in Vietnamese and English', async () => {
    const file = join(dir, 'people.xlsx');
    await writeXlsx(file, [
      ['Họ và tên', 'Ngày sinh', 'Mức lương', 'Email'],
      ['Nguyễn Văn An', new Date(Date.UTC(1990, 2, 15)), 15000000, 'an@example.vn'],
      ['Trần Thị Bình', '31/12/1992', '12.500.000', null],
      [null, 'ngày mai', -5, 'không phải email'], // row 4: four problems
      ['Lê Văn Cường', '01/01/1985', '9000000,5', ''],
    ]);
    const header = ['Họ và tên', 'Ngày sinh', 'Mức lương', 'Email'];
    const { mapping, unmappedRequired } = proposeColumnMapping(header, fields);
    expect(unmappedRequired).toEqual([]);

    const progress: ImportProgress[] = [];
    const outcome = await importRows({ file, mapping, toRecord, schema: personSchema, ruleMessages, progressEvery: 2, onProgress: (p) => progress.push(p) });
    if (outcome.status !== 'completed') throw new Error('expected a completed import');
    expect(outcome.header).toEqual(header);
    expect(outcome.rowsRead).toBe(4);
    expect(outcome.accepted).toEqual([
      { rowNumber: 2, record: { fullName: 'Nguyễn Văn An', birthDate: '1990-03-15', wage: 15000000, email: 'an@example.vn', code: 'NV-mặc-định' } },
      { rowNumber: 3, record: { fullName: 'Trần Thị Bình', birthDate: '1992-12-31', wage: 12500000, code: 'NV-mặc-định' } },
      { rowNumber: 5, record: { fullName: 'Lê Văn Cường', birthDate: '1985-01-01', wage: 9000000.5, code: 'NV-mặc-định' } },
    ]);
    expect(outcome.rejected).toHaveLength(1);
    const bad = outcome.rejected[0]!;
    expect(bad.rowNumber).toBe(4);
    expect(bad.cells).toEqual(['', 'ngày mai', '-5', 'không phải email']);
    expect(bad.reasons).toEqual([
      { field: 'fullName', column: 'Họ và tên', message: { vi: 'Chưa nhập; thông tin này là bắt buộc.', en: 'Missing; this is required.' } },
      { field: 'birthDate', column: 'Ngày sinh', message: { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' } },
      { field: 'wage', column: 'Mức lương', message: { vi: 'Phải lớn hơn 0.', en: 'Must be greater than 0.' } },
      { field: 'email', column: 'Email', message: { vi: 'Địa chỉ email không hợp lệ.', en: 'Not a valid email address.' } },
    ]);
    expect(progress.map((p) => p.rowsRead)).toEqual([2, 4, 4]);
    expect(progress.at(-1)).toMatchObject({ accepted: 3, rejected: 1 });
    expect(progress.at(-1)?.bytesRead).toBe(progress.at(-1)?.totalBytes);
  });

  it('uses the schema’s rule messages, and reports a row whose record cannot be built', async () => {
    const file = join(dir, 'codes.csv');
    writeFileSync(file, '\uFEFFHọ và tên;Ngày sinh;Mức lương;Mã\r\nPhạm Dung;1991-02-03;100;KT01\r\nVõ Em;1991-02-03;100;NV02\r\n');
    const mapping = { ...proposeColumnMapping(['Họ và tên', 'Ngày sinh', 'Mức lương', 'Mã'], fields).mapping, code: 3 };
    const outcome = await importRows({
      file,
      mapping,
      schema: personSchema,
      ruleMessages,
      toRecord: (cells) => {
        if (cells.fullName === 'Võ Em') throw new Error('tên thử lỗi');
        return toRecord(cells);
      },
    });
    if (outcome.status !== 'completed') throw new Error('expected a completed import');
    expect(outcome.accepted).toEqual([]);
    expect(outcome.rejected.map((row) => [row.rowNumber, row.reasons])).toEqual([
      [2, [{ field: 'code', column: 'Mã', message: ruleMessages.staffCode }]],
      [3, [{ field: '', message: { vi: 'Không đọc được dòng: tên thử lỗi', en: 'The row could not be read: tên thử lỗi' } }]],
    ]);
  });

  it('returns nothing accepted when cancelled mid-file', async () => {
    const file = join(dir, 'cancel.csv');
    const lines = ['Họ và tên,Ngày sinh,Mức lương'];
    for (let i = 0; i < 10_000; i++) lines.push(`Người ${i},1990-01-01,${1000 + i}`);
    writeFileSync(file, lines.join('\n'));
    const mapping = proposeColumnMapping(lines[0]!.split(','), fields).mapping;
    const controller = new AbortController();
    const seen: number[] = [];
    const outcome = await importRows({
      file,
      mapping,
      toRecord,
      schema: personSchema,
      progressEvery: 1000,
      signal: controller.signal,
      onProgress: (progress) => {
        seen.push(progress.rowsRead);
        if (progress.rowsRead === 3000) controller.abort();
      },
    });
    expect(outcome).toEqual({ status: 'cancelled', header: ['Họ và tên', 'Ngày sinh', 'Mức lương'], rowsRead: 3000 });
    expect('accepted' in outcome).toBe(false);
    expect(seen).toEqual([1000, 2000, 3000]);

    const already = new AbortController();
    already.abort();
    expect((await importRows({ file, mapping, toRecord, schema: personSchema, signal: already.signal })).status).toBe('cancelled');
  });
});

describe('rejected-rows report', () => {
  it('re-opens with the original Vietnamese headers and cells, the reason column and the source row', async () => {
    const file = join(dir, 'to-report.csv');
    writeFileSync(file, 'Họ và tên;Ngày sinh;Mức lương;Ghi chú\nNgô Thị Gấm;32/13/1990;abc;"dòng 1\ndòng 2"\nĐặng Hùng;1990-01-01;500;\n');
    const mapping = proposeColumnMapping(['Họ và tên', 'Ngày sinh', 'Mức lương', 'Ghi chú'], fields).mapping;
    const outcome = await importRows({ file, mapping, toRecord, schema: personSchema });
    if (outcome.status !== 'completed') throw new Error('expected a completed import');
    expect(outcome.rejected.map((row) => row.rowNumber)).toEqual([2]);

    const report = join(dir, 'rejected.xlsx');
    expect(await writeRejectedRowsReport({ file: report, header: outcome.header, rows: outcome.rejected })).toEqual({ rowsWritten: 1 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(report);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Họ và tên', 'Ngày sinh', 'Mức lương', 'Ghi chú', reasonColumnHeader, sourceRowColumnHeader]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'Ngô Thị Gấm',
      '32/13/1990',
      'abc',
      'dòng 1\ndòng 2',
      'Ngày sinh: Ngày không hợp lệ. / Not a valid date.\nMức lương: Phải là số. / Must be a number.',
      2,
    ]);
    expect(sheet.rowCount).toBe(2);
  });
});
