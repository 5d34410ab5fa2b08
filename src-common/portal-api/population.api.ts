// POST /api/v1/population/verify: reconcile people against the population registry (simulated here).
import { z } from 'zod';
import { isCitizenId } from '../domain/identifiers';
import { isoDateSchema } from '../domain/organisation';

export const maxVerifyBatch = 1000;

export const citizenIdSchema = z.string().trim().refine(isCitizenId, { message: 'citizenId' });

export const verifyPersonSchema = z.strictObject({
  citizenId: citizenIdSchema,
  fullName: z.string().trim().min(1).max(150),
  birthDate: isoDateSchema,
  gender: z.enum(['male', 'female']),
});
export type VerifyPerson = z.infer<typeof verifyPersonSchema>;

export const verifyRequestSchema = z.strictObject({ people: z.array(verifyPersonSchema).min(1).max(maxVerifyBatch) });

const fieldVerdict = z.enum(['match', 'mismatch']);
export const verifyResultSchema = z.discriminatedUnion('status', [
  z.object({ citizenId: z.string(), status: z.literal('match') }),
  z.object({
    citizenId: z.string(),
    status: z.literal('mismatch'),
    fields: z.object({ fullName: fieldVerdict, birthDate: fieldVerdict, gender: fieldVerdict }),
  }),
  z.object({ citizenId: z.string(), status: z.literal('notFound') }),
]);
export type VerifyResult = z.infer<typeof verifyResultSchema>;
export const verifyResponseSchema = z.object({ results: z.array(verifyResultSchema) });

/** Compares names as the registry does: NFC, case and spacing ignored, diacritics significant. */
export function sameFullName(a: string, b: string): boolean {
  const canonical = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return canonical(a) === canonical(b);
}
