// Shared domain rules: tax code check digit, citizen ID structure, UUIDv7, password policy, provinces.
import { describe, expect, it } from 'vitest';
import { currentProvinceOf, formerProvinces, isFormerProvinceCode, isProvinceCode, provinces } from '../../src-common/domain/administrative-units';
import { citizenIdPrefix, isCitizenId, isTaxCode, parseCitizenId } from '../../src-common/domain/identifiers';
import { enterpriseProfileSchema } from '../../src-common/domain/organisation';
import { passwordProblems } from '../../src-common/domain/password-policy';
import { isUuidV7, uuidv7 } from '../../src-common/domain/uuidv7';
import { mutationPayloadSchemas } from '../../src-common/portal-api/mutations';

describe('tax code (mã số thuế)', () => {
  it('accepts 10 digits with a correct check digit, and 13 as 10-3 for a dependent unit', () => {
    expect(isTaxCode('0100109106')).toBe(true);
    expect(isTaxCode('0312345673')).toBe(true);
    expect(isTaxCode('0100109106-001')).toBe(true);
  });
  it('refuses a wrong check digit, wrong lengths, letters, a 000 suffix and the never-issued check 10', () => {
    expect(isTaxCode('0100109107')).toBe(false);
    expect(isTaxCode('010010910')).toBe(false);
    expect(isTaxCode('01001091061')).toBe(false);
    expect(isTaxCode('0100109106001')).toBe(false);
    expect(isTaxCode('01001091O6')).toBe(false);
    expect(isTaxCode('0100109106-000')).toBe(false);
    // 010987654 has a weighted sum ≡ 0 (mod 11): its check would be 10, so no tenth digit fits.
    for (let d = 0; d <= 9; d += 1) expect(isTaxCode(`010987654${d}`)).toBe(false);
  });
});

describe('citizen ID (CCCD)', () => {
  it('reads province, century, gender and birth year', () => {
    expect(parseCitizenId('001090012345')).toEqual({ provinceCode: '001', gender: 'male', birthYear: 1990, serial: '012345' });
    expect(parseCitizenId('079305000001')).toEqual({ provinceCode: '079', gender: 'female', birthYear: 2005, serial: '000001' });
    expect(citizenIdPrefix('079', 'female', 2005)).toBe('079305');
    expect(citizenIdPrefix('001', 'male', 1990)).toBe('001090');
  });
  it('refuses wrong lengths, letters, unknown province codes and far-future centuries', () => {
    for (const bad of ['00109001234', '0010900123456', '00109001234a', '003090012345', '999090012345', '001690012345', '']) {
      expect(isCitizenId(bad), bad).toBe(false);
    }
  });
});

describe('UUIDv7', () => {
  it('makes version-7, variant-1 ids that sort in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => uuidv7(1_800_000_000_000));
    for (const id of ids) expect(isUuidV7(id)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // The first 48 bits are the Unix time in milliseconds.
    expect(Number.parseInt(uuidv7(1_800_000_000_000).replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(1_800_000_000_000);
  });
  it('refuses v4 and malformed ids', () => {
    expect(isUuidV7(crypto.randomUUID())).toBe(false);
    expect(isUuidV7('not-a-uuid')).toBe(false);
  });
});

describe('password policy', () => {
  it('asks for length, three kinds of character, and no username inside', () => {
    expect(passwordProblems('Đổi-Mật-Khẩu-2026', 'nguyenvan')).toEqual([]);
    expect(passwordProblems('short1A', 'x')).toEqual(['tooShort']);
    expect(passwordProblems('alllowercaseletters', 'x')).toEqual(['tooFewKinds']);
    expect(passwordProblems('Nguyenvan-2026', 'nguyenvan')).toEqual(['containsUsername']);
    expect(passwordProblems(`${'a'.repeat(129)}A1`, 'x')).toContain('tooLong');
  });
});

describe('administrative units', () => {
  it('has the 34 provinces of 2025 and maps the 63 former ones onto them', () => {
    expect(provinces).toHaveLength(34);
    expect(formerProvinces).toHaveLength(63);
    expect(isProvinceCode('79')).toBe(true);
    expect(isProvinceCode('74')).toBe(false);
    expect(isFormerProvinceCode('74')).toBe(true);
    expect(currentProvinceOf('74')).toBe('79');
    expect(currentProvinceOf('30')).toBe('31');
    for (const former of formerProvinces) expect(isProvinceCode(former.mergedInto), former.name).toBe(true);
  });
});

describe('shared payload schemas', () => {
  const profile = {
    nameVi: 'Công ty A',
    licence: { number: 'GP-1', issuedOn: '2024-01-01', expiresOn: '2029-01-01' },
    headOffice: { line: 'Số 1', provinceCode: '01' },
    legalRepresentative: { fullName: 'Nguyễn Văn A', title: 'Giám đốc' },
    contact: {},
  };
  it('accepts a good enterprise profile and says which fields are wrong in a bad one', () => {
    expect(enterpriseProfileSchema.safeParse(profile).success).toBe(true);
    const bad = enterpriseProfileSchema.safeParse({
      ...profile,
      licence: { number: 'GP-1', issuedOn: '2024-01-01', expiresOn: '2023-01-01' },
      headOffice: { line: 'Số 1', provinceCode: '74' },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['licence.expiresOn', 'headOffice.provinceCode']));
    expect(enterpriseProfileSchema.safeParse({ ...profile, extra: true }).success).toBe(false);
  });
  it('refuses duplicate branch functions and unknown ones', () => {
    const branch = (functions: string[]) =>
      mutationPayloadSchemas['branch.upsert'].safeParse({
        id: crypto.randomUUID(),
        fields: { code: 'HN', name: 'Chi nhánh', address: { line: 'x', provinceCode: '01' }, manager: 'A', functions },
      }).success;
    expect(branch(['reports', 'liquidate'])).toBe(true);
    expect(branch(['reports', 'reports'])).toBe(false);
    expect(branch(['fly'])).toBe(false);
  });
});
