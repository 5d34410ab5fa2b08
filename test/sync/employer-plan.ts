// Seeded employer ids and fields for the sync tests; no vitest imports, so the crash test's child uses it too.

/** A UUID (v4 layout) drawn from a seeded PRNG, so a scenario's ids are reproducible from its seed. */
export function seededUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const names = ['Tanaka Seiki', 'Đông Á Kōgyō', 'Yamamoto Foods', 'Hàn Quốc Steel', 'Taipei Precision', 'Nguyễn Trading GmbH', 'Osaka Care'];
const sectors = ['Cơ khí', 'Chế biến thực phẩm', 'Điều dưỡng', 'Xây dựng', 'Điện tử'];
const countries = ['JP', 'KR', 'TW', 'DE'];

/** Valid employer fields, varied by the PRNG; `stamp` makes each version distinguishable. */
export function employerFields(random: () => number, stamp: string): Record<string, unknown> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  return {
    name: `${pick(names)} ${stamp}`,
    country: pick(countries),
    address: `${1 + Math.floor(random() * 99)}-2-3 Chiyoda, Tokyo`,
    registrationNumber: `REG-${stamp}`,
    sector: pick(sectors),
    contact: random() < 0.5 ? { email: `hr.${Math.floor(random() * 1e6)}@example.com` } : { phone: '+81 3 1234 5678' },
  };
}
