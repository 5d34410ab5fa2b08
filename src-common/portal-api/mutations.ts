// The mutations a client pushes to the portal: one zod payload schema per kind, validated on both sides.
import { z } from 'zod';
import {
  branchFieldsSchema,
  brokerFieldsSchema,
  employerFieldsSchema,
  enterpriseProfileSchema,
} from '../domain/organisation';
import { isUuidV7 } from '../domain/uuidv7';
import { manifestSignatureSchema } from '../signing/manifest-signature.schema';
import { filingTypeSchema } from './filings';

export const uuidSchema = z.uuid();
export const uuidV7Schema = z.string().refine(isUuidV7, { message: 'uuidv7' });

export const mutationPayloadSchemas = {
  /** An enterprise admin edits the enterprise's profile. */
  'enterprise.updateProfile': z.strictObject({ enterpriseId: uuidSchema, profile: enterpriseProfileSchema }),
  /** An enterprise admin creates or edits a branch, including the functions delegated to it. */
  'branch.upsert': z.strictObject({ id: uuidSchema, fields: branchFieldsSchema }),
  /** A foreign employer ("chủ sử dụng") in the enterprise's registry. */
  'employer.upsert': z.strictObject({ id: uuidSchema, fields: employerFieldsSchema }),
  /** A broker ("môi giới") in the enterprise's registry. */
  'broker.upsert': z.strictObject({ id: uuidSchema, fields: brokerFieldsSchema }),
  /**
   * A filing version. Versions are append-only: version 1 opens a filing, each later version (a
   * supplement) must be the next number. A branch files only for itself.
   */
  'filing.submit': z.strictObject({
    filingId: uuidSchema,
    version: z.int().min(1).max(1000),
    type: filingTypeSchema,
    branchId: uuidSchema.optional(),
    title: z.string().trim().min(1).max(300),
    content: z.record(z.string(), z.unknown()),
  }),
} as const;

export type MutationKind = keyof typeof mutationPayloadSchemas;
export const mutationKinds = Object.keys(mutationPayloadSchemas) as MutationKind[];
export type MutationPayload<K extends MutationKind> = z.output<(typeof mutationPayloadSchemas)[K]>;

export function isMutationKind(value: string): value is MutationKind {
  return Object.prototype.hasOwnProperty.call(mutationPayloadSchemas, value);
}

/** The envelope; its payload is checked against the kind's schema by the receiver. */
export const mutationSchema = z
  .strictObject({
    id: uuidV7Schema,
    kind: z.string().min(1).max(64),
    payload: z.unknown(),
    /** Detached CMS signature (base64) over the canonical payload, for kinds that are signed filings. */
    signature: z.string().max(65536).optional(),
    /** Or: the filing is covered by a signed manifest (one token signature for a batch) and proves it. */
    manifestSignature: manifestSignatureSchema.optional(),
  })
  .refine((m) => m.signature === undefined || m.manifestSignature === undefined, {
    message: 'a mutation carries at most one signature form',
    path: ['manifestSignature'],
  });
export type Mutation = z.infer<typeof mutationSchema>;
