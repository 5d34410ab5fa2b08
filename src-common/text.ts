// Text normalisation shared by every boundary: store Vietnamese as NFC whatever the keyboard sent.

/** Returns a copy of a JSON-like value with every string normalised to NFC. */
export function normalizeStrings<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item) => normalizeStrings(item)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key.normalize('NFC')] = normalizeStrings(item);
    return out as T;
  }
  return value;
}

/** Folds Vietnamese for search: strips diacritics, đ/Đ -> d, lower-case. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}
