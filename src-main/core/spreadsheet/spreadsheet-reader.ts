// Opens an .xlsx or .csv file and streams its rows as trimmed NFC text, header first; never the whole file in memory.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { pipeline, Transform, type Readable } from 'node:stream';
import { CodedError } from '../../../src-common/errors';
import { csvRecords, detectCsvDelimiter, type CsvDelimiter } from './csv-records';
import { xlsxRows, type RawRow } from './xlsx-rows';

export type SpreadsheetFormat = 'xlsx' | 'csv';

export interface SpreadsheetRow {
  /** The row number the user sees: the Excel row, or the CSV record number (header = 1). */
  rowNumber: number;
  /** Cell text by column, NFC-normalised and trimmed; '' for an empty cell. */
  cells: string[];
}

export interface OpenSpreadsheetOptions {
  /** Worksheet name (.xlsx); default: the first worksheet. */
  sheet?: string;
  /** Row holding the column titles, for files with a title block above; default: the first non-empty row. */
  headerRowNumber?: number;
}

const csvChunkBytes = 256 * 1024;

/** The format from the file's first bytes, so a misnamed file is still read (or refused) for what it is. */
async function detectFormat(path: string): Promise<SpreadsheetFormat> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    if (bytesRead >= 4 && head.readUInt32BE(0) === 0x504b0304) return 'xlsx'; // zip: "PK\3\4"
    if (bytesRead >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) {
      throw new CodedError('SPREADSHEET_FORMAT_UNSUPPORTED', { format: 'xls' }); // legacy OLE .xls
    }
  } finally {
    await handle.close();
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.xlsx' || extension === '.xlsm') throw new CodedError('SPREADSHEET_UNREADABLE', { reason: 'not a zip file' });
  if (extension === '.csv' || extension === '.txt' || extension === '') return 'csv';
  throw new CodedError('SPREADSHEET_FORMAT_UNSUPPORTED', { extension });
}

/** UTF-8 text chunks (BOM dropped); a byte sequence that is not UTF-8 stops the read with a clear code. */
async function* utf8Text(input: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of input) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof TypeError) throw new CodedError('SPREADSHEET_ENCODING_UNSUPPORTED', undefined, { cause: error });
    throw error;
  }
}

/** CSV records numbered from 1, the delimiter taken from the first record. */
async function* csvRows(input: Readable): AsyncGenerator<RawRow> {
  const text = utf8Text(input);
  const first = await text.next();
  if (first.done) return;
  const delimiter: CsvDelimiter = detectCsvDelimiter(first.value);
  async function* all(): AsyncGenerator<string> {
    yield first.value as string;
    yield* text;
  }
  let rowNumber = 0;
  for await (const cells of csvRecords(all(), delimiter)) yield { rowNumber: ++rowNumber, cells };
}

/**
 * An open spreadsheet: its header row, then its data rows once, in order. Empty rows are skipped but
 * keep their numbers counted, so a reported row number is the one the user finds in the file.
 */
export class SpreadsheetReader implements AsyncIterable<SpreadsheetRow> {
  readonly format: SpreadsheetFormat;
  readonly header: SpreadsheetRow;
  /** File size; with `bytesRead` it gives the fraction read (of the compressed file, for .xlsx). */
  readonly totalBytes: number;
  private readonly input: Readable;
  private readonly rows: AsyncGenerator<SpreadsheetRow>;
  private counter: { bytes: number };
  private iterated = false;

  /** Use openSpreadsheet. */
  constructor(parts: {
    format: SpreadsheetFormat;
    header: SpreadsheetRow;
    totalBytes: number;
    input: Readable;
    rows: AsyncGenerator<SpreadsheetRow>;
    counter: { bytes: number };
  }) {
    this.format = parts.format;
    this.header = parts.header;
    this.totalBytes = parts.totalBytes;
    this.input = parts.input;
    this.rows = parts.rows;
    this.counter = parts.counter;
  }

  get bytesRead(): number {
    return this.counter.bytes;
  }

  [Symbol.asyncIterator](): AsyncIterator<SpreadsheetRow> {
    if (this.iterated) throw new Error('SpreadsheetReader rows can be read once');
    this.iterated = true;
    return this.rows;
  }

  /** Stops reading and releases the file; safe to call more than once, and after the end. */
  async close(): Promise<void> {
    await this.rows.return(undefined);
    this.input.destroy();
  }
}

function cleanRow(raw: RawRow): SpreadsheetRow | null {
  let empty = true;
  const cells = raw.cells.map((cell) => {
    const text = cell.normalize('NFC').trim();
    if (text) empty = false;
    return text;
  });
  return empty ? null : { rowNumber: raw.rowNumber, cells };
}

async function* nonEmptyRows(raw: AsyncIterable<RawRow>, input: Readable): AsyncGenerator<SpreadsheetRow> {
  try {
    for await (const row of raw) {
      const clean = cleanRow(row);
      if (clean) yield clean;
    }
  } finally {
    input.destroy(); // also on an early stop: the file handle is not left to the garbage collector
  }
}

export async function openSpreadsheet(path: string, options: OpenSpreadsheetOptions = {}): Promise<SpreadsheetReader> {
  const format = await detectFormat(path);
  const { size } = await stat(path);
  const counter = { bytes: 0 };
  // Counted on the way through (not with a 'data' listener, which would start the flow before a reader is attached).
  const byteCounter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      counter.bytes += chunk.length;
      done(null, chunk);
    },
  });
  const file = createReadStream(path, format === 'csv' ? { highWaterMark: csvChunkBytes } : {});
  const input = pipeline(file, byteCounter, () => {
    // Errors reach the reader through byteCounter; nothing more to do here.
  });
  const rows = nonEmptyRows(format === 'xlsx' ? xlsxRows(input, options.sheet) : csvRows(input), input);
  try {
    let header: SpreadsheetRow | undefined;
    for (;;) {
      const next = await rows.next();
      if (next.done) break;
      if (options.headerRowNumber === undefined || next.value.rowNumber >= options.headerRowNumber) {
        header = next.value;
        break;
      }
    }
    if (!header) throw new CodedError('SPREADSHEET_EMPTY');
    return new SpreadsheetReader({ format, header, totalBytes: size, input, rows, counter });
  } catch (error) {
    await rows.return(undefined);
    input.destroy();
    throw error;
  }
}
