// The `details` of a VALIDATION_FAILED error, the same on every boundary (IPC, WebSocket, portal):
// where and what, never the rejected values.
import type { z } from 'zod';

export interface ValidationIssue {
  /** Dotted path of the field, e.g. `fields.country` ('' for the whole input). */
  path: string;
  message: string;
  code: string;
}

export function validationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}
