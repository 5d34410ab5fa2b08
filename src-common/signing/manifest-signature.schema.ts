// The wire form of manifest signing (manifest.ts): the signed manifest, its CAdES signature and one
// filing's inclusion proof. Strict and bounded, since the portal parses it from any client.
import { z } from 'zod';
import type { InclusionProof, Manifest } from './manifest';

/** Filings one manifest may cover; a client with more signs several manifests. */
export const maxManifestFilings = 65_536;
/** A proof never needs more steps than the tree has levels: log2(maxManifestFilings). */
export const maxProofSteps = 16;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestSchema = z.strictObject({
  type: z.literal('labordesk.filing-manifest'),
  version: z.literal(1),
  root: sha256Hex,
  count: z.int().min(1).max(maxManifestFilings),
});

export const inclusionProofSchema = z.strictObject({
  index: z.int().min(0).max(maxManifestFilings - 1),
  count: z.int().min(1).max(maxManifestFilings),
  path: z.array(z.strictObject({ hash: sha256Hex, side: z.enum(['left', 'right']) })).max(maxProofSteps),
});

export const manifestSignatureSchema = z.strictObject({
  manifest: manifestSchema,
  /** Detached CAdES (base64) over canonicalBytes(manifest): one token signature for the whole batch. */
  signature: z.string().min(1).max(65536),
  /** Where this filing's bytes sit under `manifest.root`. */
  proof: inclusionProofSchema,
});
export type ManifestSignature = z.infer<typeof manifestSignatureSchema>;

// The schemas describe exactly the types manifest.ts builds and checks.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameManifest: Same<z.infer<typeof manifestSchema>, Manifest> = true;
const sameProof: Same<z.infer<typeof inclusionProofSchema>, InclusionProof> = true;
void sameManifest;
void sameProof;
