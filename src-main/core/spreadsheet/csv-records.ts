// Streaming CSV parser (RFC 4180): records from text chunks, quoted fields across chunks and lines.

export type CsvDelimiter = ',' | ';' | '\t';

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/**
 * The delimiter of the first non-blank line of `sample`: whichever of `,` `;` tab occurs most outside quotes
 * (Excel writes `;` where the system list separator is `;`, as on many Vietnamese Windows set-ups).
 */
export function detectCsvDelimiter(sample: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  let i = 0;
  while (sample[i] === '\r' || sample[i] === '\n') i++;
  for (; i < sample.length; i++) {
    const ch = sample[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted, // a quote inside a quoted field: an escaped "" or the closing quote
}

/**
 * Records of a CSV text stream. Lenient where files in the wild are: CRLF, LF or CR line ends; text
 * after a closing quote is kept; an unterminated quote runs to the end of the file.
 */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter: CsvDelimiter): AsyncGenerator<string[]> {
  const delimiterCode = delimiter.charCodeAt(0);
  let state = State.FieldStart;
  let record: string[] = [];
  let field = '';
  let skipLineFeed = false; // after a CR, a following LF belongs to the same line end

  for await (const chunk of chunks) {
    const done: string[][] = [];
    let start = 0; // where the current field's unread text begins in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const code = chunk.charCodeAt(i);
      if (skipLineFeed) {
        skipLineFeed = false;
        if (code === LF) {
          start = i + 1;
          continue;
        }
      }
      switch (state) {
        case State.FieldStart:
          if (code === QUOTE) {
            state = State.Quoted;
            start = i + 1;
            break;
          }
          start = i;
          state = State.Unquoted;
        // falls through: the character starts an unquoted field
        case State.Unquoted:
          if (code === delimiterCode) {
            record.push(field + chunk.slice(start, i));
            field = '';
            state = State.FieldStart;
          } else if (code === LF || code === CR) {
            record.push(field + chunk.slice(start, i));
            field = '';
            done.push(record);
            record = [];
            state = State.FieldStart;
            skipLineFeed = code === CR;
            start = i + 1;
          }
          break;
        case State.Quoted:
          if (code === QUOTE) {
            field += chunk.slice(start, i);
            state = State.QuoteInQuoted;
          }
          break;
        case State.QuoteInQuoted:
          if (code === QUOTE) {
            field += '"';
            start = i + 1;
            state = State.Quoted;
          } else if (code === delimiterCode) {
            record.push(field);
            field = '';
            state = State.FieldStart;
          } else if (code === LF || code === CR) {
            record.push(field);
            field = '';
            done.push(record);
            record = [];
            state = State.FieldStart;
            skipLineFeed = code === CR;
            start = i + 1;
          } else {
            start = i;
            state = State.Unquoted;
          }
          break;
      }
    }
    if (state === State.Unquoted || state === State.Quoted) field += chunk.slice(start);
    yield* done;
  }

  if (state !== State.FieldStart || record.length > 0) {
    record.push(field);
    yield record;
  }
}
