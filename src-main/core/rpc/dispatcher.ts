// Runs a contract method: NFC-normalise and validate the input, call the handler, wrap the Result.
import {
  contract,
  isMethod,
  type Method,
  type MethodOutput,
  type ParsedInput,
} from '../../../src-common/contract';
import { errorMessage, hasErrorCode, type ErrorCode } from '../../../src-common/errors';
import type { Language } from '../../../src-common/language';
import type { Result } from '../../../src-common/result';
import { normalizeStrings } from '../../../src-common/text';
import type { Logger } from '../logger';
import { validationIssues } from '../../../src-common/validation';

export type ContractHandlers = {
  [M in Method]: (input: ParsedInput<M>) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export { validationIssues, type ValidationIssue } from '../../../src-common/validation';

export interface DispatcherOptions {
  handlers: ContractHandlers;
  language: () => Language;
  logger: Logger;
}

export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>;

export function createDispatcher({ handlers, language, logger }: DispatcherOptions): Dispatch {
  const failure = (code: ErrorCode, details?: unknown): Result<never> => ({
    ok: false,
    error: { code, message: errorMessage(code, safeLanguage(language)), ...(details === undefined ? {} : { details }) },
  });

  return async (method, rawInput) => {
    if (!isMethod(method)) return failure('UNKNOWN_METHOD');
    const spec = contract[method];
    const parsed = spec.input.safeParse(normalizeStrings(rawInput ?? {}));
    if (!parsed.success) return failure('VALIDATION_FAILED', { issues: validationIssues(parsed.error) });
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = await handler(parsed.data);
      // Parsing the output too strips anything a handler should not have returned.
      const output = spec.output.safeParse(value);
      if (!output.success) {
        logger.error('handler returned output outside the contract', { method, issues: validationIssues(output.error) });
        return failure('INTERNAL_ERROR');
      }
      return { ok: true, value: output.data };
    } catch (error) {
      if (hasErrorCode(error)) return failure(error.code, error.details);
      logger.error('unexpected failure', { method, error: error instanceof Error ? error.message : String(error) });
      return failure('INTERNAL_ERROR');
    }
  };
}

function safeLanguage(language: () => Language): Language {
  try {
    return language();
  } catch {
    return 'vi';
  }
}
