// Vietnamese identifiers: tax code (MST) with its check digit, and the 12-digit citizen ID (CCCD).
import { isFormerProvinceCode } from './administrative-units';

const taxCodeWeights = [31, 29, 23, 19, 17, 13, 7, 5, 3] as const;

/**
 * A tax code is 10 digits whose tenth is a check digit, or 13 as "10 digits-3 digits" for a
 * dependent unit (branch). The check digit is 10 - (weighted sum of the first nine mod 11); a
 * result of 10 is never issued.
 */
export function isTaxCode(value: string): boolean {
  const match = /^(\d{10})(?:-(\d{3}))?$/.exec(value);
  if (!match) return false;
  const digits = match[1]!.split('').map(Number);
  const sum = taxCodeWeights.reduce((acc, weight, i) => acc + weight * digits[i]!, 0);
  const check = 10 - (sum % 11);
  if (check === 10) return false;
  if (match[2] !== undefined && match[2] === '000') return false;
  return check === digits[9];
}

export type Gender = 'male' | 'female';

export interface CitizenIdParts {
  /** The former province code (3 digits, e.g. "001") of the birth registration. */
  provinceCode: string;
  gender: Gender;
  /** Full birth year, from the century digit and the two year digits. */
  birthYear: number;
  serial: string;
}

/**
 * Splits a 12-digit citizen ID: 3 digits province, 1 digit century and gender (0/1 = 1900s male /
 * female, 2/3 = 2000s, 4/5 = 2100s ...), 2 digits of the birth year, 6 digits of serial.
 */
export function parseCitizenId(value: string): CitizenIdParts | null {
  if (!/^\d{12}$/.test(value)) return null;
  const provinceCode = value.slice(0, 3);
  if (provinceCode[0] !== '0' || !isFormerProvinceCode(provinceCode.slice(1))) return null;
  const centuryGender = Number(value[3]);
  const century = 1900 + Math.floor(centuryGender / 2) * 100;
  if (century > 2100) return null;
  return {
    provinceCode,
    gender: centuryGender % 2 === 0 ? 'male' : 'female',
    birthYear: century + Number(value.slice(4, 6)),
    serial: value.slice(6),
  };
}

export function isCitizenId(value: string): boolean {
  return parseCitizenId(value) !== null;
}

/** Builds the first six digits of a citizen ID from its parts (for generators and checks). */
export function citizenIdPrefix(provinceCode: string, gender: Gender, birthYear: number): string {
  const centuryIndex = Math.floor((birthYear - 1900) / 100);
  const digit = centuryIndex * 2 + (gender === 'female' ? 1 : 0);
  return `${provinceCode}${digit}${String(birthYear % 100).padStart(2, '0')}`;
}
