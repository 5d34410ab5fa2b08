// The rejected rows of an import as .xlsx: the file's own columns, then why each row was refused.
import type { Language } from '../../../src-common/language';
import { exportList, type ExportColumn } from './list-export';
import type { RejectedRow, RejectionReason } from './row-import';

export const reasonColumnHeader = 'Lý do / Reason';
export const sourceRowColumnHeader = 'Dòng trong tệp gốc / Source row';

export interface RejectedRowsReportOptions {
  file: string;
  /** The imported file's header cells, written back unchanged. */
  header: readonly string[];
  rows: Iterable<RejectedRow> | AsyncIterable<RejectedRow>;
  /** Reason text in one language, or both (default) to match the bilingual column title. */
  language?: Language | 'both';
}

function reasonLine(reason: RejectionReason, language: Language | 'both'): string {
  const where = reason.column ?? reason.field;
  const message = language === 'both' ? `${reason.message.vi} / ${reason.message.en}` : reason.message[language];
  return where ? `${where}: ${message}` : message;
}

/**
 * One line per reason, prefixed with the column's title ("Ngày sinh: Ngày không hợp lệ. / Not a valid
 * date."). The source row number comes last, so the report can be corrected and imported again
 * with the same column mapping.
 */
export async function writeRejectedRowsReport(options: RejectedRowsReportOptions): Promise<{ rowsWritten: number }> {
  const language = options.language ?? 'both';
  const width = options.header.length;
  const columns: ExportColumn[] = [
    ...options.header.map((header): ExportColumn => ({ header, type: 'text' })),
    { header: reasonColumnHeader, type: 'text' },
    { header: sourceRowColumnHeader, type: 'number' },
  ];
  async function* rows() {
    for await (const row of options.rows) {
      const original = Array.from({ length: width }, (_, index) => row.cells[index] ?? '');
      yield [...original, row.reasons.map((reason) => reasonLine(reason, language)).join('\n'), row.rowNumber];
    }
  }
  return exportList({ file: options.file, sheetName: 'Dòng bị từ chối', columns, rows: rows() });
}
