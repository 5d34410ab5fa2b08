// Streaming rows of one worksheet of an .xlsx file (exceljs WorkbookReader), cell values as text.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CodedError } from '../../../src-common/errors';
import { cellValueText } from './cell-text';

export interface RawRow {
  rowNumber: number;
  /** Cell text by column (index 0 = column A); holes are ''. Not yet normalised or trimmed. */
  cells: string[];
}

/** What the streaming reader knows of the workbook; exceljs types do not describe these fields. */
interface WorkbookReaderState {
  model?: { sheets?: { name?: string }[] };
  properties?: { model?: { date1904?: boolean } };
}

interface StreamedCell {
  value: unknown;
  numFmt?: string;
}

interface StreamedRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, callback: (cell: StreamedCell, column: number) => void): void;
}

interface StreamedWorksheet extends AsyncIterable<StreamedRow> {
  name?: string;
}

/**
 * Rows of the named worksheet, or of the first one in workbook order. exceljs caches the shared
 * strings table (Excel keeps text there), and styles, without which date cells read as numbers.
 */
export async function* xlsxRows(input: Readable, sheetName?: string): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const state = reader as unknown as WorkbookReaderState;
  let found = false;
  try {
    for await (const sheet of reader as unknown as AsyncIterable<StreamedWorksheet>) {
      const wanted = sheetName?.normalize('NFC') ?? state.model?.sheets?.[0]?.name;
      // Without a name to look for, the first sheet the zip holds is the one (workbook.xml came late).
      if (wanted !== undefined && sheet.name?.normalize('NFC') !== wanted) continue;
      found = true;
      const date1904 = state.properties?.model?.date1904 === true;
      for await (const row of sheet) {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cellValueText(cell.value, cell.numFmt, date1904);
        });
        for (let i = 0; i < cells.length; i++) cells[i] ??= '';
        yield { rowNumber: row.number, cells };
      }
      break;
    }
  } catch (error) {
    if (error instanceof CodedError) throw error;
    throw new CodedError('SPREADSHEET_UNREADABLE', { reason: error instanceof Error ? error.message : String(error) }, { cause: error });
  }
  if (!found) throw new CodedError('SPREADSHEET_SHEET_NOT_FOUND', { sheet: sheetName ?? null });
}
