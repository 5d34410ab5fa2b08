// Portal password policy, shared so the sign-in screen can explain a refusal before sending.

export const passwordMinLength = 10;
export const passwordMaxLength = 128;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'tooFewKinds' | 'containsUsername' | 'sameAsCurrent';

/**
 * At least 10 characters, at least three of: lower-case, upper-case, digit, other; must not contain
 * the username. (NIST 800-63B favours length; the character-kind rule is what agencies here expect.)
 */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < passwordMinLength) problems.push('tooShort');
  if (length > passwordMaxLength) problems.push('tooLong');
  const kinds = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (kinds < 3) problems.push('tooFewKinds');
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) problems.push('containsUsername');
  return problems;
}

export const passwordProblemMessages: Record<PasswordProblem, { vi: string; en: string }> = {
  tooShort: { vi: `Mật khẩu cần ít nhất ${passwordMinLength} ký tự.`, en: `The password needs at least ${passwordMinLength} characters.` },
  tooLong: { vi: `Mật khẩu không quá ${passwordMaxLength} ký tự.`, en: `The password must be at most ${passwordMaxLength} characters.` },
  tooFewKinds: {
    vi: 'Mật khẩu cần ít nhất 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký tự đặc biệt.',
    en: 'The password needs at least 3 of: lower-case, upper-case, digits, symbols.',
  },
  containsUsername: { vi: 'Mật khẩu không được chứa tên đăng nhập.', en: 'The password must not contain the username.' },
  sameAsCurrent: { vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.', en: 'The new password must differ from the current one.' },
};
