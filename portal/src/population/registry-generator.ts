// A deterministic synthetic population: person i of seed s is always the same, for any registry size.
import { formerProvinces } from '../../../src-common/domain/administrative-units';
import { citizenIdPrefix, type Gender } from '../../../src-common/domain/identifiers';

export interface RegistryPerson {
  citizenId: string;
  fullName: string;
  birthDate: string;
  gender: Gender;
  /** Former province code (2 digits) of the birth registration, as in the citizen ID. */
  provinceCode: string;
}

const familyNames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Mai', 'Trịnh', 'Cao'];
const middleNames = { male: ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Công', 'Xuân'], female: ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Kim', 'Bích', 'Phương'] };
const givenNames = {
  male: ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thắng', 'Tuấn', 'Việt', 'Vinh'],
  female: ['Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Thảo', 'Trang', 'Yến'],
};

/** splitmix32-style hash of (seed, index, salt): stable across platforms, no state. */
function hash(seed: number, index: number, salt: number): number {
  let x = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35) ^ Math.imul(salt + 7, 0x27d4eb2f)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x21f0aaad) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x735a2d97) >>> 0;
  return (x ^ (x >>> 15)) >>> 0;
}
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** Serials are a bijection of the index on [0, 10^6), so ids do not look sequential (odd, not /5). */
const serialMultiplier = 387_403;
const serialSpace = 1_000_000;

/**
 * Person `index` of a registry seeded with `seed`. Below a million people every citizen ID is unique
 * (the serial alone is); above, the rare repeat is skipped when seeding.
 */
export function registryPerson(seed: number, index: number): RegistryPerson {
  const gender: Gender = hash(seed, index, 1) % 2 === 0 ? 'male' : 'female';
  const province = pick(formerProvinces, hash(seed, index, 2)).code;
  // Ages 15..75 on 2026-01-01, the working-age span the labour databases cover.
  const birthYear = 1951 + (hash(seed, index, 3) % 61);
  const dayOfYear = hash(seed, index, 4) % 365;
  const birth = new Date(Date.UTC(birthYear, 0, 1 + dayOfYear));
  const serial = String((Number((BigInt(index % serialSpace) * BigInt(serialMultiplier)) % BigInt(serialSpace)) + Math.floor(index / serialSpace)) % serialSpace).padStart(6, '0');
  const names = [pick(familyNames, hash(seed, index, 5)), pick(middleNames[gender], hash(seed, index, 6)), pick(givenNames[gender], hash(seed, index, 7))];
  return {
    citizenId: `${citizenIdPrefix(`0${province}`, gender, birthYear)}${serial}`,
    fullName: names.join(' '),
    birthDate: birth.toISOString().slice(0, 10),
    gender,
    provinceCode: province,
  };
}

export function* registryPeople(seed: number, size: number): Generator<RegistryPerson> {
  for (let i = 0; i < size; i += 1) yield registryPerson(seed, i);
}
