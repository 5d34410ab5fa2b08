// List export: the .xlsx re-opens with the same text, numbers and real date cells, a bold frozen header and sized columns.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportList, openSpreadsheet, type ExportCell } from '../../src-main/core/spreadsheet';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'labordesk-list-export-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('exportList', () => {
  it('writes values back as they were: text, numbers, dates as Excel dates in dd/mm/yyyy', async () => {
    const file = join(dir, 'hop-dong.xlsx');
    const rows: ExportCell[][] = [
      ['HĐ-001/2026', 'Công ty TNHH Tanaka Seiki', new Date('2026-07-01'), '2029-06-30', 180000, 'Nguyễn Văn An'],
      ['HĐ-002/2026', 'Đại lý môi giới Đông Á', new Date('2026-02-28'), null, 1234567.5, ''],
    ];
    const columns = [
      { header: 'Số hợp đồng' },
      { header: 'Bên tiếp nhận' },
      { header: 'Ngày ký', type: 'date' as const },
      { header: 'Ngày kết thúc', type: 'date' as const },
      { header: 'Mức lương', type: 'number' as const, numFmt: '#,##0' },
      { header: 'Người lao động' },
    ];
    expect(await exportList({ file, columns, rows })).toEqual({ rowsWritten: 2 });
    expect(existsSync(`${file}.part`)).toBe(false);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Danh sách');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Số hợp đồng', 'Bên tiếp nhận', 'Ngày ký', 'Ngày kết thúc', 'Mức lương', 'Người lao động']);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('HĐ-001/2026');
    expect(first.getCell(3).value).toEqual(new Date('2026-07-01T00:00:00Z'));
    expect(first.getCell(3).numFmt).toBe('dd/mm/yyyy');
    expect(first.getCell(4).value).toEqual(new Date('2029-06-30T00:00:00Z')); // an ISO text in a date column
    expect(first.getCell(5).value).toBe(180000);
    expect(first.getCell(5).numFmt).toBe('#,##0');
    const second = sheet.getRow(3);
    expect(second.getCell(3).value).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(second.getCell(4).value).toBeNull();
    expect(second.getCell(5).value).toBe(1234567.5);
    expect(sheet.rowCount).toBe(3);

    // Widths from content: the long employer name widens its column; the short code column stays near its header.
    expect(sheet.getColumn(2).width).toBe('Công ty TNHH Tanaka Seiki'.length + 2);
    expect(sheet.getColumn(1).width).toBe('Số hợp đồng'.length + 2);

    // And our own reader sees the same values as text.
    const reader = await openSpreadsheet(file);
    const texts: string[][] = [];
    for await (const row of reader) texts.push(row.cells);
    expect(texts).toEqual([
      ['HĐ-001/2026', 'Công ty TNHH Tanaka Seiki', '2026-07-01', '2029-06-30', '180000', 'Nguyễn Văn An'],
      ['HĐ-002/2026', 'Đại lý môi giới Đông Á', '2026-02-28', '', '1234567.5'],
    ]);
  });

  it('streams rows from an async source past the width sample', async () => {
    const file = join(dir, 'lon.xlsx');
    async function* rows() {
      for (let i = 0; i < 2500; i++) yield [`Người lao động ${i}`, new Date(Date.UTC(1990, 0, 1 + i))];
    }
    expect(await exportList({ file, columns: [{ header: 'Họ và tên' }, { header: 'Ngày sinh' }], rows: rows() })).toEqual({ rowsWritten: 2500 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2501);
    expect(sheet.getRow(2501).getCell(1).value).toBe('Người lao động 2499');
    expect(sheet.getRow(2501).getCell(2).value).toEqual(new Date(Date.UTC(1990, 0, 2500)));
    expect(sheet.getRow(2501).getCell(2).numFmt).toBe('dd/mm/yyyy');
  });
});
