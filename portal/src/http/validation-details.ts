// zod issues -> the `details` of a VALIDATION_FAILED error: where and what, never the rejected values.
import type { z } from 'zod';

export interface FieldIssue {
  path: string;
  message: string;
}

export function validationDetails(error: z.ZodError): { issues: FieldIssue[] } {
  return { issues: error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })) };
}
