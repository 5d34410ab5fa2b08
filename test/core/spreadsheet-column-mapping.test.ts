// Column mapping: headers matched to fields by Vietnamese or English aliases, whatever the case, diacritics or đ.
import { describe, expect, it } from 'vitest';
import { checkColumnMapping, headerKey, overrideColumnMapping, proposeColumnMapping, type TargetField } from '../../src-main/core/spreadsheet';

const fields: TargetField[] = [
  { key: 'fullName', labels: ['Họ và tên', 'Họ tên', 'Full name'], required: true },
  { key: 'birthDate', labels: ['Ngày sinh', 'Date of birth'], required: true },
  { key: 'citizenId', labels: ['Số CCCD', 'Số định danh cá nhân', 'Citizen ID'], required: true },
  { key: 'passportNumber', labels: ['Số hộ chiếu', 'Hộ chiếu', 'Passport number'], required: false },
  { key: 'passportExpiry', labels: ['Ngày hết hạn hộ chiếu', 'Passport expiry'], required: false },
  { key: 'district', labels: ['Quận/huyện', 'District'], required: false },
];

describe('column mapping', () => {
  it('folds case, diacritics and đ, and drops bracketed remarks', () => {
    expect(headerKey('Họ và tên')).toBe('ho va ten');
    expect(headerKey('HO VA TEN')).toBe('ho va ten');
    expect(headerKey('Ho\u0323 va\u0300 te\u0302n')).toBe('ho va ten'); // NFD
    expect(headerKey('Số định danh cá nhân (*)')).toBe('so dinh danh ca nhan');
    expect(headerKey('Ngày sinh [dd/mm/yyyy]')).toBe('ngay sinh');
    expect(headerKey('Quận/Huyện')).toBe('quan huyen');
  });

  it('maps Vietnamese, unaccented and English headers, most specific label first', () => {
    const header = ['STT', 'ho va ten', 'NGÀY SINH (dd/mm/yyyy)', 'Số định danh cá nhân (*)', 'Ngày hết hạn hộ chiếu', 'Số hộ chiếu', 'Ghi chú'];
    const proposal = proposeColumnMapping(header, fields);
    expect(proposal.mapping).toEqual({ fullName: 1, birthDate: 2, citizenId: 3, passportExpiry: 4, passportNumber: 5 });
    expect(proposal.unmappedRequired).toEqual([]);
    expect(proposal.unusedColumns).toEqual([0, 6]);

    const english = proposeColumnMapping(['Full Name', 'Date of Birth', 'Passport'], fields);
    expect(english.mapping).toEqual({ fullName: 0, birthDate: 1 });
    expect(english.unmappedRequired).toEqual(['citizenId']);
  });

  it('finds a label inside a longer header, and the field key itself', () => {
    const proposal = proposeColumnMapping(['Họ và tên người lao động', 'citizenId', 'Quan huyen'], fields);
    expect(proposal.mapping).toEqual({ fullName: 0, citizenId: 1, district: 2 });
    expect(proposal.unmappedRequired).toEqual(['birthDate']);
  });

  it('lets the user override, and checks the result', () => {
    const header = ['Tên', 'Sinh ngày', 'CCCD'];
    const proposal = proposeColumnMapping(header, fields);
    expect(proposal.unmappedRequired).toEqual(['fullName', 'birthDate', 'citizenId']);
    const mapping = overrideColumnMapping(proposal.mapping, { fullName: 0, birthDate: 1, citizenId: 2, passportNumber: null });
    expect(checkColumnMapping(mapping, fields, header.length)).toEqual({ unmappedRequired: [], sharedColumns: [], outOfRange: [] });
    expect(checkColumnMapping({ ...mapping, passportNumber: 2, district: 9 }, fields, header.length)).toEqual({
      unmappedRequired: [],
      sharedColumns: [{ column: 2, fields: ['citizenId', 'passportNumber'] }],
      outOfRange: ['district'],
    });
  });
});
