// Zod issues as short messages in Vietnamese and English that say what to fix (import reports, forms, portal answers).
import type { z } from 'zod';
import type { Language } from './language';

export type LocalizedText = Record<Language, string>;

/**
 * Messages for the rule keys our schemas use as refine messages (`{ message: 'taxCode' }`). A schema
 * with rules of its own passes them to issueMessage as `ruleMessages`.
 */
export const sharedRuleMessages: Record<string, LocalizedText> = {
  taxCode: {
    vi: 'Mã số thuế phải có 10 hoặc 13 chữ số và đúng chữ số kiểm tra.',
    en: 'A tax code has 10 or 13 digits with a valid check digit.',
  },
  provinceCode: { vi: 'Mã tỉnh/thành phố không có trong danh mục.', en: 'Not a province code from the list.' },
  licenceExpiresBeforeIssued: {
    vi: 'Ngày hết hạn phải sau ngày cấp.',
    en: 'The expiry date must be after the issue date.',
  },
  duplicateFunction: { vi: 'Một chức năng được chọn hai lần.', en: 'A function is selected twice.' },
  jurisdiction: { vi: 'Cấp và địa bàn quản lý không khớp nhau.', en: 'The level and the area do not match.' },
};

const viNumber = new Intl.NumberFormat('vi-VN');
const enNumber = new Intl.NumberFormat('en-US');

function bound(value: number | bigint, origin: string): LocalizedText {
  if (origin === 'date') {
    const date = new Date(Number(value)).toISOString().slice(0, 10);
    const [y, m, d] = date.split('-');
    return { vi: `${d}/${m}/${y}`, en: date };
  }
  return { vi: viNumber.format(value), en: enNumber.format(value) };
}

function sizeMessage(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): LocalizedText {
  const small = issue.code === 'too_small';
  const limit = bound(small ? issue.minimum : issue.maximum, issue.origin);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === 'string' || issue.origin === 'array' || issue.origin === 'set') {
    const unit = issue.origin === 'string' ? { vi: 'ký tự', en: 'characters' } : { vi: 'mục', en: 'items' };
    if (issue.exact) return { vi: `Phải có đúng ${limit.vi} ${unit.vi}.`, en: `Must have exactly ${limit.en} ${unit.en}.` };
    return small
      ? { vi: `Phải có ít nhất ${limit.vi} ${unit.vi}.`, en: `Must have at least ${limit.en} ${unit.en}.` }
      : { vi: `Không được quá ${limit.vi} ${unit.vi}.`, en: `Must have at most ${limit.en} ${unit.en}.` };
  }
  if (issue.origin === 'date') {
    return small
      ? { vi: `Ngày phải từ ${limit.vi} trở đi.`, en: `The date must be on or after ${limit.en}.` }
      : { vi: `Ngày không được sau ${limit.vi}.`, en: `The date must be on or before ${limit.en}.` };
  }
  if (small) {
    return inclusive
      ? { vi: `Phải lớn hơn hoặc bằng ${limit.vi}.`, en: `Must be at least ${limit.en}.` }
      : { vi: `Phải lớn hơn ${limit.vi}.`, en: `Must be greater than ${limit.en}.` };
  }
  return inclusive
    ? { vi: `Không được lớn hơn ${limit.vi}.`, en: `Must be at most ${limit.en}.` }
    : { vi: `Phải nhỏ hơn ${limit.vi}.`, en: `Must be less than ${limit.en}.` };
}

function formatMessage(issue: z.core.$ZodIssueInvalidStringFormat): LocalizedText {
  switch (issue.format) {
    case 'email':
      return { vi: 'Địa chỉ email không hợp lệ.', en: 'Not a valid email address.' };
    case 'date':
      return { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' };
    case 'datetime':
      return { vi: 'Ngày giờ không hợp lệ.', en: 'Not a valid date and time.' };
    case 'url':
      return { vi: 'Địa chỉ web không hợp lệ.', en: 'Not a valid web address.' };
    default:
      return { vi: 'Không đúng định dạng.', en: 'Not in the expected format.' };
  }
}

const requiredMessage: LocalizedText = { vi: 'Chưa nhập; thông tin này là bắt buộc.', en: 'Missing; this is required.' };
const invalidMessage: LocalizedText = { vi: 'Giá trị không hợp lệ.', en: 'Not a valid value.' };

export interface IssueMessageOptions {
  /** The value at the issue's path was empty: any complaint about it reads as "required". */
  missing?: boolean;
  /** Messages for rule keys beyond sharedRuleMessages. */
  ruleMessages?: Record<string, LocalizedText>;
}

function ruleMessage(key: string, extra: Record<string, LocalizedText> | undefined): LocalizedText | undefined {
  if (extra && Object.hasOwn(extra, key)) return extra[key];
  return Object.hasOwn(sharedRuleMessages, key) ? sharedRuleMessages[key] : undefined;
}

/** A Vietnamese and an English message for one zod issue. */
export function issueMessage(issue: z.core.$ZodIssue, options: IssueMessageOptions = {}): LocalizedText {
  const rule = ruleMessage(issue.message, options.ruleMessages);
  if (rule) return rule;
  if (options.missing) return requiredMessage;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return { vi: 'Phải là số.', en: 'Must be a number.' };
      if (issue.expected === 'date') return { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' };
      return invalidMessage;
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue);
    case 'invalid_format':
      return formatMessage(issue);
    case 'invalid_value':
      return {
        vi: `Phải là một trong: ${issue.values.map(String).join(', ')}.`,
        en: `Must be one of: ${issue.values.map(String).join(', ')}.`,
      };
    case 'not_multiple_of':
      return { vi: `Phải là bội số của ${issue.divisor}.`, en: `Must be a multiple of ${issue.divisor}.` };
    case 'custom':
      // A rule without a known key may carry a sentence of its own; a bare key says nothing to a user.
      return /\s/.test(issue.message) ? { vi: issue.message, en: issue.message } : invalidMessage;
    default:
      return invalidMessage;
  }
}
