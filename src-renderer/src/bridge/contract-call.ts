// Turns a Result into a value or a thrown ContractCallError, the shape TanStack Query expects.
import type { LaborDeskBridge, Method, MethodInput, MethodOutput } from '../../../src-common/contract';
import type { AppError } from '../../../src-common/result';

export class ContractCallError extends Error {
  readonly appError: AppError;
  constructor(appError: AppError) {
    super(appError.message);
    this.name = 'ContractCallError';
    this.appError = appError;
  }
}

export async function callContract<M extends Method>(
  bridge: LaborDeskBridge,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await bridge.invoke(method, input);
  if (result.ok) return result.value;
  throw new ContractCallError(result.error);
}

/** The coded error behind a failure, matched by shape (never instanceof), or null for anything else. */
export function appErrorOf(error: unknown): AppError | null {
  if (typeof error !== 'object' || error === null) return null;
  const candidate = (error as { appError?: unknown }).appError;
  if (typeof candidate !== 'object' || candidate === null) return null;
  const { code, message } = candidate as { code?: unknown; message?: unknown };
  return typeof code === 'string' && typeof message === 'string' ? (candidate as AppError) : null;
}

export interface FieldIssue {
  /** Dotted field path, as core's dispatcher writes it (`portalUrl`, `workers.3.citizenId`). */
  path: string;
  message: string;
  code?: string;
}

/** The per-field issues of a VALIDATION_FAILED error; empty for any other error. */
export function validationIssuesOf(error: AppError | null): FieldIssue[] {
  if (!error || error.code !== 'VALIDATION_FAILED') return [];
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (issue): issue is FieldIssue =>
      typeof issue === 'object' && issue !== null && typeof issue.path === 'string' && typeof issue.message === 'string',
  );
}
