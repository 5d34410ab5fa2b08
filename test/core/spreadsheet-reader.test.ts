// Spreadsheet reader over real files: .xlsx made with exceljs (dates, numbers, rich text, formulas, sheets)
// and .csv as Vietnamese Excel writes it (BOM, semicolons, quoted newlines); unreadable files give codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSpreadsheet, type SpreadsheetRow } from '../../src-main/core/spreadsheet';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'labordesk-spreadsheet-reader-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAll(path: string, options = {}) {
  const reader = await openSpreadsheet(path, options);
  const rows: SpreadsheetRow[] = [];
  for await (const row of reader) rows.push(row);
  return { reader, header: reader.header, rows };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

describe('xlsx', () => {
  it('reads the first worksheet as text: ISO dates, plain numbers, flattened rich text, formula results, NFC', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Lương', 'Ghi chú']);
    sheet.addRow([
      'Nguye\u0302\u0303n Va\u0306n An', // NFD, as macOS keyboards and some exports write it
      new Date(Date.UTC(1990, 2, 15)),
      1990123456, // an ID typed into a number cell
      15000000.5,
      { richText: [{ text: 'đi ', font: { bold: true } }, { text: 'Nhật Bản' }] },
    ]);
    sheet.addRow(['  Trần Thị Bình  ', null, '001090123456', null, 'x']);
    sheet.getCell('B3').value = { formula: 'B2+1', result: 32948 }; // a date computed by a formula
    sheet.getCell('B3').numFmt = 'dd/mm/yyyy';
    sheet.getCell('D3').value = { formula: 'D2*2', result: 30000001 };
    sheet.addRow([]); // an empty row: skipped, its number not reused
    sheet.addRow(['Lê Văn Cường', 1e21, { formula: '0.1+0.2', result: 0.1 + 0.2 }, 1.5e-7, { formula: 'A1', result: 'chuỗi' }]);
    workbook.addWorksheet('Khác').addRow(['Trang khác']);
    const path = join(dir, 'workers.xlsx');
    await workbook.xlsx.writeFile(path);

    const { reader, header, rows } = await readAll(path);
    expect(reader.format).toBe('xlsx');
    expect(header).toEqual({ rowNumber: 1, cells: ['Họ và tên', 'Ngày sinh', 'Số CCCD', 'Lương', 'Ghi chú'] });
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['Nguyễn Văn An', '1990-03-15', '1990123456', '15000000.5', 'đi Nhật Bản'] },
      { rowNumber: 3, cells: ['Trần Thị Bình', '1990-03-16', '001090123456', '30000001', 'x'] },
      { rowNumber: 5, cells: ['Lê Văn Cường', '1000000000000000000000', '0.3', '0.00000015', 'chuỗi'] },
    ]);
    expect(rows[0]?.cells[0]).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(reader.bytesRead).toBe(reader.totalBytes);
  });

  it('reads a named worksheet, takes a header row below a title block, and refuses a missing sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Bìa').addRow(['Trang bìa']);
    const sheet = workbook.addWorksheet('Người lao động');
    sheet.addRow(['DANH SÁCH NGƯỜI LAO ĐỘNG ĐI LÀM VIỆC Ở NƯỚC NGOÀI']);
    sheet.addRow([]);
    sheet.addRow(['STT', 'Họ và tên']);
    sheet.addRow([1, 'Phạm Thị Dung']);
    const path = join(dir, 'sheets.xlsx');
    await workbook.xlsx.writeFile(path);

    expect((await readAll(path)).header.cells).toEqual(['Trang bìa']);
    const named = await readAll(path, { sheet: 'Người lao động', headerRowNumber: 3 });
    expect(named.header).toEqual({ rowNumber: 3, cells: ['STT', 'Họ và tên'] });
    expect(named.rows).toEqual([{ rowNumber: 4, cells: ['1', 'Phạm Thị Dung'] }]);
    expect(await codeOf(openSpreadsheet(path, { sheet: 'Không có' }))).toBe('SPREADSHEET_SHEET_NOT_FOUND');
  });

  it('stops early on close without reading the rest', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Dữ liệu');
    sheet.addRow(['Mã']);
    for (let i = 0; i < 5000; i++) sheet.addRow([`M${i}`]);
    const path = join(dir, 'many.xlsx');
    await workbook.xlsx.writeFile(path);
    const reader = await openSpreadsheet(path);
    let seen = 0;
    for await (const row of reader) {
      expect(row.cells[0]).toBe(`M${seen}`);
      if (++seen === 10) break;
    }
    await reader.close();
    expect(seen).toBe(10);
  });
});

describe('csv', () => {
  it('reads UTF-8 with BOM, semicolons, quoted separators, escaped quotes and newlines inside quotes', async () => {
    const path = join(dir, 'excel-vn.csv');
    writeFileSync(
      path,
      '\uFEFFHọ và tên;Địa chỉ;Ghi chú\r\n' +
        '"Nguyễn Văn ""Tí""";"Số 1; phường Bến Nghé";"dòng 1\r\ndòng 2"\r\n' +
        '\r\n' + // a blank line
        ' Đỗ Thị Hà ;Hà Nội;\r\n' +
        'Hoa Ba\u0300nh;;cuối', // NFD, no final line break
    );
    const { reader, header, rows } = await readAll(path);
    expect(reader.format).toBe('csv');
    expect(header).toEqual({ rowNumber: 1, cells: ['Họ và tên', 'Địa chỉ', 'Ghi chú'] });
    expect(rows).toEqual([
      { rowNumber: 2, cells: ['Nguyễn Văn "Tí"', 'Số 1; phường Bến Nghé', 'dòng 1\r\ndòng 2'] },
      { rowNumber: 4, cells: ['Đỗ Thị Hà', 'Hà Nội', ''] },
      { rowNumber: 5, cells: ['Hoa Bành', '', 'cuối'] },
    ]);
  });

  it('reads commas without BOM, and a quoted field split across read chunks', async () => {
    const path = join(dir, 'plain.csv');
    const long = 'Tiếng Việt có dấu, "trích dẫn"\n'.repeat(20_000); // far longer than one 256 KB read
    writeFileSync(path, `Mã,Nội dung\nA1,"${long.replace(/"/g, '""')}"\nA2,xong\n`);
    const { rows } = await readAll(path);
    expect(rows.map((row) => row.cells[0])).toEqual(['A1', 'A2']);
    expect(rows[0]?.cells[1]).toBe(long.trim());
  });

  it('refuses files it cannot read with stable codes', async () => {
    const latin = join(dir, 'windows-1258.csv');
    writeFileSync(latin, Buffer.from([0x48, 0x6f, 0x20, 0x74, 0xea, 0x6e, 0x0a])); // "Ho tên" in a legacy code page
    expect(await codeOf(openSpreadsheet(latin))).toBe('SPREADSHEET_ENCODING_UNSUPPORTED');
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, 'not a zip');
    expect(await codeOf(openSpreadsheet(fake))).toBe('SPREADSHEET_UNREADABLE');
    const legacy = join(dir, 'old.xls');
    writeFileSync(legacy, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(await codeOf(openSpreadsheet(legacy))).toBe('SPREADSHEET_FORMAT_UNSUPPORTED');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '\uFEFF\r\n;;\r\n');
    expect(await codeOf(openSpreadsheet(empty))).toBe('SPREADSHEET_EMPTY');
  });
});
