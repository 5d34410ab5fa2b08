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

type Registry = 'employer' | 'broker' | 'branch';

const registryColumns: Record<Registry, Record<Language, string[]>> = {
  employer: {
    vi: ['Tên chủ sử dụng', 'Quốc gia', 'Địa chỉ', 'Số đăng ký', 'Ngành nghề', 'Điện thoại', 'Email'],
    en: ['Employer', 'Country', 'Address', 'Registration number', 'Sector', 'Phone', 'Email'],
  },
  broker: {
    vi: ['Tên môi giới', 'Quốc gia', 'Điện thoại', 'Email', 'Điều kiện hoa hồng'],
    en: ['Broker', 'Country', 'Phone', 'Email', 'Commission terms'],
  },
  branch: {
    vi: ['Mã chi nhánh', 'Tên chi nhánh', 'Địa chỉ', 'Mã tỉnh', 'Người quản lý', 'Chức năng được giao'],
    en: ['Branch code', 'Branch', 'Address', 'Province code', 'Manager', 'Delegated functions'],
  },
};

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** A registry list (foreign employers, brokers, branches) as .xlsx: one row per record as the user sees it. */
export function exportRegistry(entity: Registry, records: readonly Record<string, unknown>[], language: Language): Promise<string> {
  const columns: ExportColumn[] = registryColumns[entity][language].map((header) => ({ header, type: 'text' }));
  const rows: ExportCell[][] = records.map((r) => {
    const contact = (r.contact ?? {}) as { phone?: string; email?: string };
    const address = (r.address ?? {}) as { line?: string; provinceCode?: string };
    switch (entity) {
      case 'employer':
        return [text(r.name), text(r.country), text(r.address), text(r.registrationNumber), text(r.sector), contact.phone ?? '', contact.email ?? ''];
      case 'broker':
        return [text(r.name), text(r.country), contact.phone ?? '', contact.email ?? '', text(r.commissionTerms)];
      case 'branch':
        return [text(r.code), text(r.name), address.line ?? '', address.provinceCode ?? '', text(r.manager), Array.isArray(r.functions) ? r.functions.join(', ') : ''];
    }
  });
  const sheet = { employer: { vi: 'Chủ sử dụng', en: 'Employers' }, broker: { vi: 'Môi giới', en: 'Brokers' }, branch: { vi: 'Chi nhánh', en: 'Branches' } }[entity][language];
  return toXlsx(columns, rows, sheet);
}
