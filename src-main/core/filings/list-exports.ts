// The filings and workers lists as .xlsx, with Vietnamese column titles (or English ones), written by the
// streaming exporter and handed back as bytes for the renderer to save.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FilingListRow, WorkerAbroadRow } from '../../../src-common/contract';
import type { Language } from '../../../src-common/language';
import { exportList, type ExportCell, type ExportColumn } from '../spreadsheet';

const titles = {
  vi: {
    filings: ['Mã hồ sơ', 'Phiên bản', 'Loại', 'Tiêu đề', 'Trạng thái', 'Biên nhận', 'Cập nhật'],
    workers: ['Số CCCD', 'Họ và tên', 'Hợp đồng', 'Nước đến', 'Trạng thái', 'Sự kiện gần nhất', 'Ngày', 'Hết hạn hợp đồng', 'Đã thanh lý'],
    yes: 'Có',
    no: 'Không',
  },
  en: {
    filings: ['Filing ID', 'Version', 'Type', 'Title', 'State', 'Receipt', 'Updated'],
    workers: ['Citizen ID', 'Full name', 'Contract', 'Host country', 'Status', 'Last event', 'Date', 'Contract ends', 'Liquidated'],
    yes: 'Yes',
    no: 'No',
  },
} as const;

async function toXlsx(columns: ExportColumn[], rows: ExportCell[][], sheetName: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'labordesk-export-'));
  try {
    const file = join(dir, 'list.xlsx');
    await exportList({ file, sheetName, columns, rows });
    return readFileSync(file).toString('base64');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function exportFilings(rows: readonly FilingListRow[], language: Language): Promise<string> {
  const t = titles[language];
  const columns: ExportColumn[] = t.filings.map((header, i) => ({ header, type: i === 1 ? 'number' : i === 6 ? 'date' : 'text' }));
  return toXlsx(
    columns,
    rows.map((r) => [r.filingId, r.version, r.type, r.title, r.state, r.receiptStatus ?? '', new Date(r.updatedAt)]),
    language === 'vi' ? 'Hồ sơ' : 'Filings',
  );
}

export function exportWorkers(rows: readonly WorkerAbroadRow[], language: Language): Promise<string> {
  const t = titles[language];
  const columns: ExportColumn[] = t.workers.map((header, i) => ({ header, type: i === 6 || i === 7 ? 'date' : 'text' }));
  return toXlsx(
    columns,
    rows.map((r) => [
      r.citizenId,
      r.fullName,
      r.registrationTitle,
      r.hostCountry ?? '',
      r.status,
      r.lastEvent?.type ?? '',
      r.lastEvent?.date ?? null,
      r.contractEndsOn,
      r.liquidationFiled ? t.yes : t.no,
    ]),
    language === 'vi' ? 'Người lao động' : 'Workers',
  );
}
