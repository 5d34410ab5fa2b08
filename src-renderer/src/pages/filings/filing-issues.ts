// What a shared zod rule's issue says to the user: the rule's own message key (citizenId,
// serviceFeeExceedsCap, ...) or, for zod's built-in checks, what to do — never "invalid input".
import type { TFunction } from 'i18next';
import type { z } from 'zod';

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

/** The rules' message keys this screen knows (filings.issues.<key>). */
const ruleKeys = [
  'personName',
  'citizenId',
  'citizenIdBirthMismatch',
  'citizenIdGenderMismatch',
  'vietnameseMobile',
  'currencyCode',
  'passportNumber',
  'passportExpiresBeforeContractEnd',
  'provinceCode',
  'workerUnderage',
  'sha256',
  'termMonthsOrDays',
  'contractStartsBeforeSigning',
  'hostCountryIsVietnam',
  'duplicateWorker',
  'internshipUnder90DaysFileWorkerList',
  'internship90DaysOrMoreFileRegistration',
  'demandMinimumAgeUnder18',
  'ageRangeInverted',
  'workersExceedDemand',
  'feeCurrencyMismatch',
  'serviceFeeExceedsCap',
  'brokerCommissionExceedsCap',
  'brokerCommissionWithoutBroker',
  'attachmentRegistrationLetterMissing',
  'attachmentContractCopyMissing',
  'attachmentCertifiedTranslationMissing',
  'attachmentEmployerLegalStatusMissing',
  'tooLarge',
] as const;
type RuleKey = (typeof ruleKeys)[number];
const isRuleKey = (message: string): message is RuleKey => (ruleKeys as readonly string[]).includes(message);

/** Fields picked from a list rather than typed: a wrong value there means "choose one". */
const chosenFields = new Set(['kind', 'employerId', 'brokerId', 'hostCountry', 'gender', 'provinceCode', 'mime']);

export function issueText(t: TFunction, issue: FilingIssue, format: { money: (amount: number, currency: string) => string; date: (iso: string) => string }): string {
  if (isRuleKey(issue.message)) {
    const params = issue.params ?? {};
    const cap = typeof params.cap === 'number' && typeof params.currency === 'string' ? format.money(params.cap, params.currency) : '';
    const contractEnd = typeof params.contractEnd === 'string' ? format.date(params.contractEnd) : '';
    const capMonths = typeof params.capMonths === 'number' ? String(params.capMonths).replace('.', ',') : '';
    return t(`filings.issues.${issue.message}`, { cap, capMonths, contractEnd });
  }
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
