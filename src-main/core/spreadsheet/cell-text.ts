// How a spreadsheet cell's value becomes the text an import validates: one canonical string per value.

/** yyyy-mm-dd, or yyyy-mm-ddTHH:mm:ss when the value carries a time of day (Excel dates are UTC-based serials). */
export function dateCellText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)}T${time}`;
}

/**
 * Plain decimal digits, never an exponent or grouping. Rounded to 15 significant digits first: that is
 * Excel's own precision, so 0.1+0.2 computed by a formula reads as the 0.3 the user saw, and a
 * 12-digit citizen ID stored as a number comes back exactly.
 */
export function numberCellText(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = Number(value.toPrecision(15));
  const text = String(rounded);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text === '-0' ? '0' : text;
  const [, sign = '', lead = '', fraction = '', exponentText = '0'] = match;
  const digits = lead + fraction;
  const exponent = Number(exponentText);
  const pointAt = 1 + exponent; // position of the decimal point within `digits`
  if (pointAt <= 0) return `${sign}0.${'0'.repeat(-pointAt)}${digits}`;
  if (pointAt >= digits.length) return `${sign}${digits}${'0'.repeat(pointAt - digits.length)}`;
  return `${sign}${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/** Whether an Excel number format shows a date or time: the test exceljs applies to plain values, so formula results agree. */
export function isDateNumberFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]/.test(bare);
}

/** Excel serial day number (1900 or 1904 system) to the Date exceljs would give for the same cell. */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const epochOffset = date1904 ? 24107 : 25569; // days between the Excel epoch and 1970-01-01
  return new Date(Math.round((serial - epochOffset) * 86_400_000));
}

interface RichTextRun {
  text?: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Text of an exceljs cell value: strings as they are, numbers plain, dates ISO, rich text flattened,
 * formulas as their cached result (a number result in a date-formatted cell is a date), errors as
 * Excel shows them (#N/A), booleans TRUE/FALSE. `numFmt` is the cell's number format, if styles were read.
 */
export function cellValueText(value: unknown, numFmt?: string, date1904 = false): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return isDateNumberFormat(numFmt) ? dateCellText(excelSerialToDate(value, date1904)) : numberCellText(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCellText(value);
  if (!isObject(value)) return String(value);
  if (Array.isArray(value.richText)) {
    return (value.richText as RichTextRun[]).map((run) => run.text ?? '').join('');
  }
  if ('formula' in value || 'sharedFormula' in value) {
    return 'result' in value ? cellValueText(value.result, numFmt, date1904) : '';
  }
  if ('error' in value) return typeof value.error === 'string' ? value.error : '';
  if ('text' in value) return cellValueText(value.text, numFmt, date1904); // hyperlink
  return '';
}
