// Vietnam's provinces after the 2025 merger, and the former ones that old records and citizen IDs use.
import data from '../../resources/administrative-units/provinces.json' with { type: 'json' };

export interface Province {
  code: string;
  name: string;
  kind: 'city' | 'province';
}

export interface FormerProvince {
  code: string;
  name: string;
  /** The code of the province it belongs to since 2025-07-01. */
  mergedInto: string;
}

export const provinces: readonly Province[] = data.provinces as Province[];
export const formerProvinces: readonly FormerProvince[] = data.formerProvinces;

const currentCodes = new Set(provinces.map((p) => p.code));
const formerCodes = new Set(formerProvinces.map((p) => p.code));

/** A province code valid today (two digits). */
export function isProvinceCode(code: string): boolean {
  return currentCodes.has(code);
}

/** A province code from before the merger: kept on old records and inside citizen IDs. */
export function isFormerProvinceCode(code: string): boolean {
  return formerCodes.has(code);
}

/** Today's province for a former code (the same code when that province was not merged). */
export function currentProvinceOf(formerCode: string): string | undefined {
  return formerProvinces.find((p) => p.code === formerCode)?.mergedInto;
}

export function provinceName(code: string): string | undefined {
  return provinces.find((p) => p.code === code)?.name;
}

/**
 * Commune codes: five digits. The full list (3,321 communes since 2025) is not bundled yet, so the
 * format is checked here and the province a commune belongs to is carried next to it on every record.
 */
export const communeCodePattern = /^\d{5}$/;
