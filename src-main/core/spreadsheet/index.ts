// Spreadsheet import and export (.xlsx, .csv): the API the import/export screens' services use.
//
// Import, in three steps, all streaming (the file is never held in memory):
//   1. const reader = await openSpreadsheet(path)         header in reader.header.cells
//      proposeColumnMapping(reader.header.cells, fields)  shown to the user, who may override it
//      await reader.close()
//   2. const outcome = await importRows({ file, mapping, schema, toRecord?, onProgress?, signal? })
//      toRecord turns cell text into the schema's shape (isoDateFromCell, numberFromCell help);
//      status 'completed': accepted records + rejected rows with Vietnamese/English reasons;
//      status 'cancelled': no records at all, so only a finished import is ever committed.
//      Imports too large to hold use validatedRows(reader, { mapping, schema }) instead.
//   3. writeRejectedRowsReport({ file, header, rows: outcome.rejected }) for the user to correct.
// Export: exportList({ file, columns, rows }) for any list screen.
// Unreadable files throw CodedError: SPREADSHEET_FORMAT_UNSUPPORTED, _ENCODING_UNSUPPORTED, _UNREADABLE,
// _SHEET_NOT_FOUND, _EMPTY.
export {
  openSpreadsheet,
  SpreadsheetReader,
  type OpenSpreadsheetOptions,
  type SpreadsheetFormat,
  type SpreadsheetRow,
} from './spreadsheet-reader';
export {
  checkColumnMapping,
  headerKey,
  overrideColumnMapping,
  proposeColumnMapping,
  type ColumnMapping,
  type MappingCheck,
  type MappingProposal,
  type TargetField,
} from './column-mapping';
export {
  importRows,
  validatedRows,
  validateRow,
  type AcceptedRow,
  type CellsByKey,
  type ImportOutcome,
  type ImportProgress,
  type ImportRowsOptions,
  type RejectedRow,
  type RejectionReason,
  type RowValidation,
  type ValidatedRow,
} from './row-import';
export { isoDateFromCell, numberFromCell } from './cell-parsing';
export { reasonColumnHeader, sourceRowColumnHeader, writeRejectedRowsReport, type RejectedRowsReportOptions } from './rejected-rows-report';
export { dateNumberFormat, exportList, type ExportCell, type ExportColumn, type ExportListOptions } from './list-export';
