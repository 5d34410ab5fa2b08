// When the cross-field checks of the overseas schemas run.

/**
 * Zod runs refinements after non-fatal issues too (a bad date format is one). Cross-field checks run
 * only when every issue so far is itself a rule (custom) issue, so they never compare a malformed
 * field and a typo is not also reported as a mismatch.
 */
export const onlyWhenFieldsValid = {
  when: (payload: { issues: readonly { code?: string }[] }) => payload.issues.every((issue) => issue.code === 'custom'),
};
