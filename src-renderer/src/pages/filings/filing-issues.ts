// What a shared zod rule's issue says to the user: the rule's own message key (citizenId,
// serviceFeeExceedsCap, ...) or, for zod's built-in checks, what to do — never "invalid input".
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isOverseasRuleKey, overseasRuleMessage } from '../../../../src-common/domain/overseas/messages';
import type { Language } from '../../../../src-common/language';

/** One issue from a local safeParse or from the core's VALIDATION_FAILED details (path dotted there). */
export interface FilingIssue {
  path: (string | number)[];
  code: string;
  message: string;
  origin?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  params?: Record<string, unknown>;
}

export function issuesOfZod(error: z.ZodError): FilingIssue[] {
  return error.issues.map((issue) => {
    const raw = issue as unknown as Record<string, unknown>;
    return {
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      code: issue.code,
      message: issue.message,
      ...(typeof raw.origin === 'string' ? { origin: raw.origin } : {}),
      ...(typeof raw.format === 'string' ? { format: raw.format } : {}),
      ...(typeof raw.minimum === 'number' || typeof raw.minimum === 'bigint' ? { minimum: Number(raw.minimum) } : {}),
      ...(typeof raw.maximum === 'number' || typeof raw.maximum === 'bigint' ? { maximum: Number(raw.maximum) } : {}),
      ...(raw.params && typeof raw.params === 'object' ? { params: raw.params as Record<string, unknown> } : {}),
    };
  });
}

/** The core's issues ({ path: 'workers.2.citizenId', message, code }) in the same shape. */
export function issuesOfDetails(details: unknown): FilingIssue[] {
  const issues = (details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .filter((issue): issue is { path: string; message: string; code?: string } => typeof issue?.path === 'string' && typeof issue?.message === 'string')
    .map((issue) => ({
      path: issue.path === '' ? [] : issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      code: issue.code ?? 'custom',
      message: issue.message,
    }));
}

/**
 * Rule keys with their own text here: the fee caps say the amount (the shared text states the rule
 * only), and two keys the overseas catalogue does not hold. Every other rule key takes the shared
 * text (src-common/domain/overseas/messages.ts), the same words the portal and imports use.
 */
const screenRuleKeys = ['serviceFeeExceedsCap', 'brokerCommissionExceedsCap', 'provinceCode', 'tooLarge'] as const;
type ScreenRuleKey = (typeof screenRuleKeys)[number];
const isScreenRuleKey = (message: string): message is ScreenRuleKey => (screenRuleKeys as readonly string[]).includes(message);

/** Fields picked from a list rather than typed: a wrong value there means "choose one". */
const chosenFields = new Set(['kind', 'employerId', 'brokerId', 'hostCountry', 'gender', 'provinceCode', 'mime']);

export interface IssueFormat {
  language: Language;
  money: (amount: number, currency: string) => string;
}

export function issueText(t: TFunction, issue: FilingIssue, format: IssueFormat): string {
  if (isScreenRuleKey(issue.message)) {
    const params = issue.params ?? {};
    const cap = typeof params.cap === 'number' && typeof params.currency === 'string' ? format.money(params.cap, params.currency) : '';
    const capMonths = typeof params.capMonths === 'number' ? String(params.capMonths).replace('.', ',') : '';
    // Without the amounts (the core's issues carry none), the shared text states the rule.
    if ((issue.message === 'serviceFeeExceedsCap' || issue.message === 'brokerCommissionExceedsCap') && !cap) return overseasRuleMessage(issue.message, format.language);
    return t(`filings.issues.${issue.message}`, { cap, capMonths });
  }
  if (isOverseasRuleKey(issue.message)) return overseasRuleMessage(issue.message, format.language);
  const field = String(issue.path.findLast((part) => typeof part === 'string') ?? '');
  if (chosenFields.has(field)) return t('filings.issues.choose');
  switch (issue.code) {
    case 'invalid_type':
      return t('filings.issues.required');
    case 'too_small':
      if (issue.origin === 'array') return t('filings.issues.listTooShort', { minimum: issue.minimum ?? 1 });
      if (issue.origin === 'number' || issue.origin === 'int') return t('filings.issues.atLeast', { minimum: issue.minimum ?? 0 });
      return t('filings.issues.required');
    case 'too_big':
      if (issue.origin === 'array') return t('filings.issues.listTooLong', { maximum: issue.maximum ?? 0 });
      if (issue.origin === 'number' || issue.origin === 'int') return t('filings.issues.atMost', { maximum: issue.maximum ?? 0 });
      return t('filings.issues.tooLong', { maximum: issue.maximum ?? 0 });
    case 'invalid_format':
      return issue.format === 'date' || /date|On$|start|Departure/.test(field) ? t('filings.issues.date') : t('filings.issues.format');
    case 'invalid_value':
      return t('filings.issues.choose');
    case 'unrecognized_keys':
      return t('filings.issues.unknownField');
    default:
      return t('filings.issues.check');
  }
}

/** Mantine form error paths ("workers.2.citizenId") from an issue's path. */
export const dottedPath = (path: FilingIssue['path']) => path.map(String).join('.');
