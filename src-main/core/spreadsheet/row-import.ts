// Validates a spreadsheet's rows against a zod schema: accepted records, rejected rows with reasons, progress, cancel.
import type { z } from 'zod';
import { issueMessage, type LocalizedText } from '../../../src-common/validation-messages';
import type { ColumnMapping } from './column-mapping';
import { openSpreadsheet, type OpenSpreadsheetOptions, type SpreadsheetReader, type SpreadsheetRow } from './spreadsheet-reader';

/** Cell text by field key; an empty cell is undefined, so optional fields stay optional. */
export type CellsByKey = Record<string, string | undefined>;

export interface RejectionReason {
  /** Dotted path of the record field ('' for the row as a whole). */
  field: string;
  /** The file's header text for that field's column, when the field came from one. */
  column?: string;
  message: LocalizedText;
}

export interface RejectedRow {
  rowNumber: number;
  /** The row's cells as read, in file column order. */
  cells: string[];
  reasons: RejectionReason[];
}

export interface AcceptedRow<T> {
  rowNumber: number;
  record: T;
}

export type ValidatedRow<T> = ({ accepted: true } & AcceptedRow<T>) | ({ accepted: false } & RejectedRow);

export interface RowValidation<T> {
  mapping: ColumnMapping;
  /** Builds the value the schema checks from the mapped cells; default: the cells by key as they are. */
  toRecord?: (cells: CellsByKey, row: SpreadsheetRow) => unknown;
  /** Checked synchronously, row by row. */
  schema: z.ZodType<T>;
  /** Messages for the schema's own rule keys (refine messages), beyond the shared ones. */
  ruleMessages?: Record<string, LocalizedText>;
}

export interface ImportProgress {
  rowsRead: number;
  accepted: number;
  rejected: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportRowsOptions<T> extends RowValidation<T>, OpenSpreadsheetOptions {
  file: string;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows between progress reports (default 1000); a report also comes at the end. */
  progressEvery?: number;
  signal?: AbortSignal;
}

export type ImportOutcome<T> =
  | { status: 'completed'; header: string[]; rowsRead: number; accepted: AcceptedRow<T>[]; rejected: RejectedRow[] }
  /** Cancelled: nothing is accepted, so a caller cannot commit half an import. */
  | { status: 'cancelled'; header: string[]; rowsRead: number };

function cellsByKey(row: SpreadsheetRow, mapping: ColumnMapping): CellsByKey {
  const cells: CellsByKey = {};
  for (const [key, column] of Object.entries(mapping)) {
    const text = row.cells[column];
    cells[key] = text ? text : undefined;
  }
  return cells;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let current = value;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}

const rowBuildFailed = (error: unknown): LocalizedText => {
  const detail = error instanceof Error ? error.message : String(error);
  return { vi: `Không đọc được dòng: ${detail}`, en: `The row could not be read: ${detail}` };
};

/** Checks one row: the record the schema accepts, or the reasons it refuses, named by field and column. */
export function validateRow<T>(row: SpreadsheetRow, header: readonly string[], validation: RowValidation<T>): ValidatedRow<T> {
  const { mapping, schema, ruleMessages } = validation;
  const cells = cellsByKey(row, mapping);
  let candidate: unknown;
  try {
    candidate = validation.toRecord ? validation.toRecord(cells, row) : cells;
  } catch (error) {
    return { accepted: false, rowNumber: row.rowNumber, cells: row.cells, reasons: [{ field: '', message: rowBuildFailed(error) }] };
  }
  const parsed = schema.safeParse(candidate);
  if (parsed.success) return { accepted: true, rowNumber: row.rowNumber, record: parsed.data };
  const reasons = parsed.error.issues.map((issue): RejectionReason => {
    const value = valueAt(candidate, issue.path);
    const key = issue.path.length > 0 ? String(issue.path[0]) : '';
    const column = Object.hasOwn(mapping, key) ? header[mapping[key] as number] : undefined;
    return {
      field: issue.path.map(String).join('.'),
      ...(column ? { column } : {}),
      message: issueMessage(issue, { missing: value === undefined || value === null || value === '', ruleMessages }),
    };
  });
  return { accepted: false, rowNumber: row.rowNumber, cells: row.cells, reasons };
}

/**
 * Each data row of an open reader, validated, in file order; for imports too large to hold (a caller
 * writes accepted rows into a transaction it rolls back on cancel).
 */
export async function* validatedRows<T>(reader: SpreadsheetReader, validation: RowValidation<T>): AsyncGenerator<ValidatedRow<T>> {
  const header = reader.header.cells;
  for await (const row of reader) yield validateRow(row, header, validation);
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads the whole file, keeping accepted records and rejected rows. On abort it stops at the next row
 * and returns `cancelled` with no records.
 */
export async function importRows<T>(options: ImportRowsOptions<T>): Promise<ImportOutcome<T>> {
  const { signal, onProgress } = options;
  const every = Math.max(1, options.progressEvery ?? 1000);
  const reader = await openSpreadsheet(options.file, options);
  const header = reader.header.cells;
  const accepted: AcceptedRow<T>[] = [];
  const rejected: RejectedRow[] = [];
  let rowsRead = 0;
  const report = () =>
    onProgress?.({ rowsRead, accepted: accepted.length, rejected: rejected.length, bytesRead: reader.bytesRead, totalBytes: reader.totalBytes });
  try {
    for await (const result of validatedRows(reader, options)) {
      if (signal?.aborted) return { status: 'cancelled', header, rowsRead };
      rowsRead++;
      if (result.accepted) accepted.push({ rowNumber: result.rowNumber, record: result.record });
      else rejected.push({ rowNumber: result.rowNumber, cells: result.cells, reasons: result.reasons });
      if (rowsRead % every === 0) {
        report();
        await yieldToEventLoop(); // lets a cancel click (an IPC message) arrive mid-file
      }
    }
    if (signal?.aborted) return { status: 'cancelled', header, rowsRead };
    report();
    return { status: 'completed', header, rowsRead, accepted, rejected };
  } finally {
    await reader.close();
  }
}
