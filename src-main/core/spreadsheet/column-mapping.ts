// Proposes which file column feeds which target field, by header text, ignoring case, diacritics and đ.
import { foldVietnamese } from '../../../src-common/text';

export interface TargetField {
  /** The record key the column's text goes to. */
  key: string;
  /** Header texts that name this field, Vietnamese and English ("Họ và tên", "Full name"). */
  labels: readonly string[];
  required: boolean;
}

/** Field key -> 0-based column index in the file. A field absent from the map takes no column. */
export type ColumnMapping = Record<string, number>;

export interface MappingCheck {
  /** Required fields with no column. */
  unmappedRequired: string[];
  /** Columns given to more than one field, with those fields. */
  sharedColumns: { column: number; fields: string[] }[];
  /** Fields mapped to a column the header does not have. */
  outOfRange: string[];
}

export interface MappingProposal extends MappingCheck {
  mapping: ColumnMapping;
  /** Header columns no field took (shown to the user as "not imported"). */
  unusedColumns: number[];
}

/**
 * Header or label text reduced to what identifies it: folded ("Họ và tên" -> "ho va ten", đ -> d),
 * remarks in brackets dropped ("Ngày sinh (dd/mm/yyyy)", "Số CCCD (*)"), punctuation as spaces.
 */
export function headerKey(text: string): string {
  return foldVietnamese(text.normalize('NFC'))
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How well a header names a label: exact beats a header that contains the label's words in order; longer labels win. */
function matchScore(header: string, label: string): number {
  if (!header || !label) return 0;
  if (header === label) return 10_000 + label.length;
  if (` ${header} `.includes(` ${label} `)) return label.length;
  return 0;
}

export function checkColumnMapping(mapping: ColumnMapping, fields: readonly TargetField[], columnCount: number): MappingCheck {
  const byColumn = new Map<number, string[]>();
  const outOfRange: string[] = [];
  for (const [key, column] of Object.entries(mapping)) {
    if (!Number.isInteger(column) || column < 0 || column >= columnCount) {
      outOfRange.push(key);
      continue;
    }
    byColumn.set(column, [...(byColumn.get(column) ?? []), key]);
  }
  return {
    unmappedRequired: fields.filter((field) => field.required && !Object.hasOwn(mapping, field.key)).map((field) => field.key),
    sharedColumns: [...byColumn]
      .filter(([, keys]) => keys.length > 1)
      .map(([column, keys]) => ({ column, fields: keys }))
      .sort((a, b) => a.column - b.column),
    outOfRange,
  };
}

/**
 * The best one-to-one assignment of header columns to fields, greedily by score: exact matches
 * first, then the most specific contained label, so "Ngày hết hạn hộ chiếu" goes to the expiry
 * field even though it also contains "hộ chiếu". The field key itself counts as a label.
 */
export function proposeColumnMapping(header: readonly string[], fields: readonly TargetField[]): MappingProposal {
  const headerKeys = header.map(headerKey);
  const candidates: { field: string; column: number; score: number }[] = [];
  for (const field of fields) {
    const labels = [...new Set([field.key, ...field.labels].map(headerKey))];
    headerKeys.forEach((key, column) => {
      const score = Math.max(0, ...labels.map((label) => matchScore(key, label)));
      if (score > 0) candidates.push({ field: field.key, column, score });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();
  for (const { field, column } of candidates) {
    if (Object.hasOwn(mapping, field) || taken.has(column)) continue;
    mapping[field] = column;
    taken.add(column);
  }
  return {
    mapping,
    unusedColumns: header.map((_, column) => column).filter((column) => !taken.has(column) && headerKeys[column] !== ''),
    ...checkColumnMapping(mapping, fields, header.length),
  };
}

/**
 * The user's corrections on top of a proposal: a column index assigns it, null removes the field's
 * column. Returns a new mapping; check it again with checkColumnMapping.
 */
export function overrideColumnMapping(mapping: ColumnMapping, overrides: Record<string, number | null>): ColumnMapping {
  const next: ColumnMapping = { ...mapping };
  for (const [key, column] of Object.entries(overrides)) {
    if (column === null) delete next[key];
    else next[key] = column;
  }
  return next;
}
