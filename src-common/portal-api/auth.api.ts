// Sign-in, password change and sign-out: /api/v1/auth/*.
import { z } from 'zod';
import { passwordMaxLength } from '../domain/password-policy';
import { agencyLevelSchema, branchFunctionSchema, roleSchema } from '../domain/roles';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/);

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(passwordMaxLength * 4),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const jurisdictionSchema = z.object({
  level: agencyLevelSchema,
  provinceCode: z.string().optional(),
  communeCode: z.string().optional(),
});

export const accountViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  enterpriseId: z.string().optional(),
  branchId: z.string().optional(),
  /** For branch staff: what the enterprise has delegated to the branch. */
  branchFunctions: z.array(branchFunctionSchema).optional(),
  agencyId: z.string().optional(),
  jurisdiction: jurisdictionSchema.optional(),
  mustChangePassword: z.boolean(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const sessionResponseSchema = z.object({
  /** Bearer token; the portal keeps only its hash. */
  token: z.string(),
  expiresAt: z.string(),
  /** When true, the session may only change the password (first login or after a reset). */
  mustChangePassword: z.boolean(),
  account: accountViewSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(passwordMaxLength * 4),
  newPassword: z.string().min(1).max(passwordMaxLength * 4),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** Token sign-in: a one-time challenge to sign on the USB token (POST /api/v1/auth/token-challenge). */
export const tokenChallengeResponseSchema = z.object({ challenge: z.string().min(1).max(200), expiresAt: z.string() });
export type TokenChallengeResponse = z.infer<typeof tokenChallengeResponseSchema>;

/** The challenge and its detached CAdES signature, base64 (POST /api/v1/auth/token-login). */
export const tokenLoginRequestSchema = z.strictObject({ challenge: z.string().min(1).max(200), signature: z.string().min(1).max(65536) });
export type TokenLoginRequest = z.infer<typeof tokenLoginRequestSchema>;
