// Imports a worker list (.xlsx or .csv, as enterprises keep them) into a contract registration: columns
// found by their Vietnamese or English titles, every row checked with the shared workerEntrySchema,
// bad rows reported with their reasons (and as an .xlsx to correct and re-import) and skipped.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CodedError } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import { overseasRuleMessages } from '../../../src-common/domain/overseas/messages';
import { workerEntrySchema, type WorkerEntry } from '../../../src-common/domain/overseas/worker-entry';
import {
  importRows,
  isoDateFromCell,
  numberFromCell,
  openSpreadsheet,
  proposeColumnMapping,
  writeRejectedRowsReport,
  type CellsByKey,
  type TargetField,
} from '../spreadsheet';

/** The worker list's columns as enterprises' templates name them, with English aliases. */
export const workerListFields: TargetField[] = [
  { key: 'citizenId', labels: ['Số CCCD', 'Số định danh cá nhân', 'Citizen ID'], required: true },
  { key: 'fullName', labels: ['Họ và tên', 'Full name'], required: true },
  { key: 'birthDate', labels: ['Ngày sinh', 'Date of birth'], required: true },
  { key: 'gender', labels: ['Giới tính', 'Gender'], required: true },
  { key: 'residenceLine', labels: ['Nơi thường trú', 'Residence'], required: true },
  { key: 'residenceProvince', labels: ['Mã tỉnh thường trú', 'Province code'], required: true },
  { key: 'phone', labels: ['Số điện thoại', 'Phone'], required: true },
  { key: 'passportNumber', labels: ['Số hộ chiếu', 'Passport number'], required: true },
  { key: 'passportExpiresOn', labels: ['Ngày hết hạn hộ chiếu', 'Passport expiry'], required: true },
  { key: 'qualification', labels: ['Trình độ chuyên môn', 'Qualification'], required: true },
  { key: 'skills', labels: ['Kỹ năng', 'Skills'], required: false },
  { key: 'trade', labels: ['Ngành nghề', 'Trade'], required: true },
  { key: 'wageAmount', labels: ['Mức lương', 'Wage'], required: true },
  { key: 'wageCurrency', labels: ['Loại tiền', 'Currency'], required: true },
  { key: 'contractTermMonths', labels: ['Thời hạn hợp đồng', 'Contract term'], required: true },
  { key: 'receivingParty', labels: ['Bên tiếp nhận', 'Receiving party'], required: true },
  { key: 'workAddress', labels: ['Địa chỉ nơi làm việc', 'Work address'], required: true },
  { key: 'plannedDeparture', labels: ['Ngày dự kiến xuất cảnh', 'Planned departure'], required: true },
];

const genders: Record<string, string> = { nam: 'male', 'nữ': 'female', male: 'male', female: 'female' };

/** One row's cells (by field key) in the shape workerEntrySchema checks. */
export function workerFromCells(cells: CellsByKey): unknown {
  return {
    citizenId: cells.citizenId,
    fullName: cells.fullName,
    birthDate: isoDateFromCell(cells.birthDate),
    gender: genders[(cells.gender ?? '').toLowerCase()] ?? cells.gender,
    residence: { line: cells.residenceLine, provinceCode: cells.residenceProvince },
    phone: cells.phone,
    passport: { number: cells.passportNumber, expiresOn: isoDateFromCell(cells.passportExpiresOn) },
    qualification: cells.qualification,
    skills: (cells.skills ?? '').split(';').map((skill) => skill.trim()).filter(Boolean),
    trade: cells.trade,
    wage: { amount: numberFromCell(cells.wageAmount), currency: cells.wageCurrency },
    contractTermMonths: numberFromCell(cells.contractTermMonths),
    receivingParty: cells.receivingParty,
    workAddress: cells.workAddress,
    plannedDeparture: isoDateFromCell(cells.plannedDeparture),
  };
}

export interface WorkerListImport {
  workers: WorkerEntry[];
  rejected: { rowNumber: number; reasons: { field: string; column?: string; message: string }[] }[];
  /** The rejected rows as .xlsx (original columns + the reason), base64; absent when none was rejected. */
  rejectedReport?: string;
}

/** Imports the file's bytes (the renderer reads the file the user picked); a temp copy is removed after. */
export async function importWorkerList(file: { name: string; content: Buffer }, language: Language): Promise<WorkerListImport> {
  const dir = mkdtempSync(join(tmpdir(), 'labordesk-worker-list-'));
  try {
    const path = join(dir, /\.csv$/i.test(file.name) ? 'list.csv' : 'list.xlsx');
    writeFileSync(path, file.content);
    const reader = await openSpreadsheet(path);
    const header = reader.header.cells;
    await reader.close();
    const proposal = proposeColumnMapping(header, workerListFields);
    if (proposal.unmappedRequired.length > 0) {
      throw new CodedError('SPREADSHEET_COLUMNS_MISSING', { columns: proposal.unmappedRequired.map((key) => workerListFields.find((f) => f.key === key)!.labels[0]) });
    }
    const outcome = await importRows({ file: path, mapping: proposal.mapping, toRecord: workerFromCells, schema: workerEntrySchema, ruleMessages: overseasRuleMessages });
    // No signal is passed, so the import always runs to the end.
    if (outcome.status !== 'completed') throw new CodedError('INTERNAL_ERROR');
    let rejectedReport: string | undefined;
    if (outcome.rejected.length > 0) {
      const reportPath = join(dir, 'rejected.xlsx');
      await writeRejectedRowsReport({ file: reportPath, header, rows: outcome.rejected });
      rejectedReport = readFileSync(reportPath).toString('base64');
    }
    return {
      workers: outcome.accepted.map((row) => row.record as WorkerEntry),
      rejected: outcome.rejected.map((row) => ({
        rowNumber: row.rowNumber,
        reasons: row.reasons.map((reason) => ({ field: reason.field, ...(reason.column ? { column: reason.column } : {}), message: reason.message[language] })),
      })),
      ...(rejectedReport ? { rejectedReport } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
