// Which sign-in failures belong next to which field, so the message sits where the fix is.
import type { AppError } from '../../../src-common/result';

/** The portal could not be reached at the address given: the address or the network is the problem. */
export function isPortalUnreachable(error: AppError | null): boolean {
  return error?.code === 'SYNC_OFFLINE';
}

/** The fields named by a VALIDATION_FAILED (core's `details.issues[].path`), first segment only. */
export function invalidFields(error: AppError | null): Set<string> {
  const fields = new Set<string>();
  if (error?.code !== 'VALIDATION_FAILED') return fields;
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return fields;
  for (const issue of issues) {
    const path = (issue as { path?: unknown } | null)?.path;
    if (typeof path === 'string') fields.add(path.split('.')[0] ?? '');
  }
  return fields;
}
