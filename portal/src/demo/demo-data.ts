// Demo organisations and accounts for `npm start` and screenshots: one enterprise with a branch, and
// officers of the central department and of two provinces. Demo only: the accounts share a known password.
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords';
import type { PortalDb } from '../db/connection';
import { accounts, enterprises } from '../db/schema';
import type { PortalServices } from '../http/services';
import { appendChanges, writeTransaction } from '../sync/change-log';
import { branchRecord, branchScope } from '../records/record-mappers';
import { branches } from '../db/schema';

export const demoPassword = 'LaborDesk@2026';
export const demoTaxCode = '0312345673';

export const demoAccounts = [
  { username: 'dn.admin', displayName: 'Nguyễn Văn An (quản trị doanh nghiệp)', role: 'enterpriseAdmin' },
  { username: 'cn.hcm', displayName: 'Trần Thị Bình (chi nhánh TP.HCM)', role: 'branchStaff' },
  { username: 'cb.cuc', displayName: 'Lê Minh Cường (Cục QLLĐNN)', role: 'officer' },
  { username: 'cb.hanoi', displayName: 'Phạm Thu Hà (Sở Nội vụ Hà Nội)', role: 'officer' },
] as const;

/** Seeds the demo once; a portal that already has the demo enterprise is left as it is. */
export async function seedDemoData(db: PortalDb, services: PortalServices, now: Date): Promise<{ seeded: boolean }> {
  const [existing] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.taxCode, demoTaxCode));
  if (existing) return { seeded: false };
  const { id: enterpriseId } = await services.admin.createEnterprise({
    taxCode: demoTaxCode,
    profile: {
      nameVi: 'Công ty Cổ phần Cung ứng Nhân lực Quốc tế Demo',
      nameForeign: 'Demo International Manpower Supply JSC',
      licence: { number: '123/LĐTBXH-GP', issuedOn: '2022-03-15', expiresOn: '2029-03-14' },
      headOffice: { line: 'Số 1 Phố Huế, phường Hai Bà Trưng', provinceCode: '01' },
      legalRepresentative: { fullName: 'Nguyễn Văn An', title: 'Tổng giám đốc' },
      contact: { phone: '024 3826 0000', email: 'lienhe@demo-manpower.vn' },
    },
  });
  const branchId = crypto.randomUUID();
  const branch = {
    id: branchId,
    enterpriseId,
    code: 'HCM',
    provinceCode: '79',
    functions: ['manageWorkers', 'registerContracts'],
    fields: { code: 'HCM', name: 'Chi nhánh TP. Hồ Chí Minh', address: { line: '12 Nguyễn Huệ, phường Sài Gòn', provinceCode: '79' }, manager: 'Trần Thị Bình' },
    version: 1,
    updatedAt: now,
  };
  await writeTransaction(db, async (tx) => {
    await tx.insert(branches).values(branch);
    const { entity: _branch, ...scope } = branchScope(branch);
    await appendChanges(tx, [{ entity: 'branch', entityId: branchId, version: 1, op: 'upsert', data: branchRecord(branch), scope }], now);
  });
  const central = await services.admin.createAgency({ name: 'Cục Quản lý lao động ngoài nước', level: 'central' });
  const hanoi = await services.admin.createAgency({ name: 'Sở Nội vụ Thành phố Hà Nội', level: 'province', provinceCode: '01' });
  const affiliation = {
    'dn.admin': { enterpriseId },
    'cn.hcm': { enterpriseId, branchId },
    'cb.cuc': { agencyId: central.id },
    'cb.hanoi': { agencyId: hanoi.id },
  } as const;
  const passwordHash = await hashPassword(demoPassword);
  for (const account of demoAccounts) {
    const created = await services.admin.createAccount({ ...account, ...affiliation[account.username] });
    await db
      .update(accounts)
      .set({ passwordHash, mustChangePassword: false, temporaryPasswordExpiresAt: null })
      .where(eq(accounts.id, created.account.id));
  }
  return { seeded: true };
}
