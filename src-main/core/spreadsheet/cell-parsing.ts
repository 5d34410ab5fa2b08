// Cell text to the values schemas expect, for a row's toRecord: dates typed the Vietnamese way, numbers with vi-VN grouping.

const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * 'yyyy-mm-dd' (how the reader writes Excel date cells) or a day-first date as typed in Vietnam
 * ('15/03/1990', '5/3/1990', '15-03-1990', '15.03.1990') to ISO; anything else unchanged, for the
 * schema to refuse with its own message. Undefined stays undefined (an empty cell).
 */
export function isoDateFromCell(text: string | undefined): string | undefined {
  if (text === undefined || isoDay.test(text)) return text;
  const match = dayFirst.exec(text);
  if (!match) return text;
  const [, day = '', month = '', year = ''] = match;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

/**
 * A number from plain text ('15000000.5', as the reader writes number cells) or vi-VN text with
 * '.' grouping and ',' decimals ('15.000.000', '1.234.567,5'). A single '.' group ('1.234') reads as
 * a decimal point, as in the reader's own output. Not a number: NaN, which a z.number() refuses.
 */
export function numberFromCell(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (/^-?\d+(\.\d+)?$/.test(compact)) return Number(compact);
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact) || /^-?\d+,\d+$/.test(compact)) {
    return Number(compact.replace(/\./g, '').replace(',', '.'));
  }
  return Number.NaN;
}
