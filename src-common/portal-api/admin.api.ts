// System administration: /api/v1/admin/* (enterprises, agencies, accounts, password resets).
import { z } from 'zod';
import { agencyFieldsSchema, enterpriseProfileSchema, taxCodeSchema } from '../domain/organisation';
import { roleSchema } from '../domain/roles';
import { accountViewSchema, usernameSchema } from './auth.api';
import { uuidSchema } from './mutations';

export const createEnterpriseRequestSchema = z.strictObject({ taxCode: taxCodeSchema, profile: enterpriseProfileSchema });
export const createAgencyRequestSchema = agencyFieldsSchema;

export const createAccountRequestSchema = z
  .strictObject({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(150),
    role: roleSchema,
    enterpriseId: uuidSchema.optional(),
    branchId: uuidSchema.optional(),
    agencyId: uuidSchema.optional(),
  })
  .refine((a) => (a.role === 'enterpriseAdmin' || a.role === 'branchStaff') === (a.enterpriseId !== undefined), {
    message: 'enterpriseId',
    path: ['enterpriseId'],
  })
  .refine((a) => (a.role === 'branchStaff') === (a.branchId !== undefined), { message: 'branchId', path: ['branchId'] })
  .refine((a) => (a.role === 'officer' || a.role === 'communeOfficer') === (a.agencyId !== undefined), {
    message: 'agencyId',
    path: ['agencyId'],
  });
export type CreateAccountRequest = z.infer<typeof createAccountRequestSchema>;

/** A new account or a reset: the one-time temporary password is shown once, to the administrator. */
export const temporaryPasswordResponseSchema = z.object({
  account: accountViewSchema,
  temporaryPassword: z.string(),
  temporaryPasswordExpiresAt: z.string(),
});
export type TemporaryPasswordResponse = z.infer<typeof temporaryPasswordResponseSchema>;

export const idParamsSchema = z.object({ id: uuidSchema });
export const createdResponseSchema = z.object({ id: z.string(), version: z.number().int() });
