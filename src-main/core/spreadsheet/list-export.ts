// Writes a list to .xlsx with the streaming writer: bold frozen header, real date cells (dd/mm/yyyy), widths from content.
import { rename, rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';

export type ExportCell = string | number | Date | null | undefined;

export interface ExportColumn {
  /** Header text as the user reads it (Vietnamese). */
  header: string;
  /**
   * 'date': a Date or a 'yyyy-mm-dd' text becomes a date cell; 'number' and 'text' write values as given.
   * Without a type, Dates are dates, numbers numbers and text text.
   */
  type?: 'text' | 'number' | 'date';
  /** Excel number format for the column's cells (dates default to dd/mm/yyyy). */
  numFmt?: string;
  /** Column width in characters; default from the header and the first rows. */
  width?: number;
}

export interface ExportListOptions {
  file: string;
  sheetName?: string;
  columns: readonly ExportColumn[];
  rows: Iterable<readonly ExportCell[]> | AsyncIterable<readonly ExportCell[]>;
}

export const dateNumberFormat = 'dd/mm/yyyy';
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
/** Rows buffered before the first one is written, to size the columns: the writer fixes widths up front. */
const widthSampleRows = 1000;
const minWidth = 8;
const maxWidth = 60;

/**
 * The value written to a cell. A date is the calendar date of the Date in UTC, which is what
 * `new Date('2024-01-15')` and our ISO dates mean; Excel dates carry no time zone.
 */
function cellValue(value: ExportCell, column: ExportColumn): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (column.type === 'date' && typeof value === 'string' && isoDate.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : date;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return value;
}

function displayLength(value: string | number | Date | null): number {
  if (value === null) return 0;
  if (value instanceof Date) return dateNumberFormat.length;
  return Math.max(...String(value).split('\n').map((line) => line.length));
}

function columnWidths(columns: readonly ExportColumn[], sample: readonly (string | number | Date | null)[][]): number[] {
  return columns.map((column, index) => {
    if (column.width !== undefined) return column.width;
    let longest = displayLength(column.header);
    for (const row of sample) longest = Math.max(longest, displayLength(row[index] ?? null));
    return Math.min(maxWidth, Math.max(minWidth, longest + 2));
  });
}

/**
 * Streams the rows to `file`. The workbook is written beside it and renamed at the end, so a failed
 * export never leaves a half file under the name the user chose.
 */
export async function exportList(options: ExportListOptions): Promise<{ rowsWritten: number }> {
  const { columns } = options;
  const partial = `${options.file}.part`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Danh sách', { views: [{ state: 'frozen', ySplit: 1 }] });
  let rowsWritten = 0;
  let sample: (string | number | Date | null)[][] | null = [];

  const writeRow = (values: (string | number | Date | null)[]) => {
    const row = sheet.addRow(values);
    values.forEach((value, index) => {
      const column = columns[index];
      if (!column) return;
      const format = value instanceof Date ? (column.numFmt ?? dateNumberFormat) : column.numFmt;
      if (format) row.getCell(index + 1).numFmt = format;
    });
    row.commit();
    rowsWritten++;
  };
  const startSheet = (firstRows: (string | number | Date | null)[][]) => {
    const widths = columnWidths(columns, firstRows);
    sheet.columns = columns.map((_, index) => ({ width: widths[index] }));
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for (const row of firstRows) writeRow(row);
  };

  try {
    for await (const cells of options.rows) {
      const values = columns.map((column, index) => cellValue(cells[index], column));
      if (sample) {
        sample.push(values);
        if (sample.length < widthSampleRows) continue;
        startSheet(sample);
        sample = null;
        continue;
      }
      writeRow(values);
      // The writer does not wait for the file; a turn of the event loop lets the zip stream drain.
      if (rowsWritten % widthSampleRows === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (sample) startSheet(sample);
    sheet.commit();
    await workbook.commit();
    await rename(partial, options.file);
    return { rowsWritten };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
