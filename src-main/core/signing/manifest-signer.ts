// Manifest signing of a batch: a Merkle manifest over the items' bytes, signed on the token ONCE (one
// PIN, one C_Sign however many filings), and per item the manifest, that signature and its inclusion
// proof (the `manifestSignature` form of a pushed mutation). Real tokens take 0.1-1 s per signature.
import type { ErrorCode } from '../../../src-common/errors';
import { canonicalBytes } from '../../../src-common/canonical-json';
import { buildManifest } from '../../../src-common/signing/manifest';
import { maxManifestFilings, type ManifestSignature } from '../../../src-common/signing/manifest-signature.schema';
import { signBatch, type BatchOptions } from './batch-signer';

export interface ManifestItem {
  id: string;
  /** The exact bytes the item stands for: a filing's `filingSigningBytes(payload)`. */
  content: Uint8Array;
}

export interface ManifestBatchOutcome {
  /** Per item id: the manifest, its signature (base64 .p7s over the manifest) and the item's proof. */
  signed: Map<string, ManifestSignature>;
  /** All items when the one signature could not be made (then `stoppedBy` says why), else none. */
  unsigned: string[];
  stoppedBy?: ErrorCode;
}

const manifestItemId = 'manifest';

export async function signManifestBatch(items: readonly ManifestItem[], options: BatchOptions): Promise<ManifestBatchOutcome> {
  if (items.length === 0) return { signed: new Map(), unsigned: [] };
  if (items.length > maxManifestFilings) throw new RangeError(`a manifest covers at most ${maxManifestFilings} filings; split the batch`);
  if (new Set(items.map((item) => item.id)).size !== items.length) throw new RangeError('batch item ids must be unique');
  const { manifest, proofs } = await buildManifest(items.map((item) => item.content));
  // Progress is the batch's: nothing, then everything, once the single signature is made.
  const { onProgress, ...signOptions } = options;
  const outcome = await signBatch([{ id: manifestItemId, content: canonicalBytes(manifest) }], signOptions);
  const signature = outcome.signed.get(manifestItemId);
  if (signature === undefined) {
    return { signed: new Map(), unsigned: items.map((item) => item.id), ...(outcome.stoppedBy ? { stoppedBy: outcome.stoppedBy } : {}) };
  }
  onProgress?.(items.length, items.length);
  return {
    signed: new Map(items.map((item, i) => [item.id, { manifest, signature, proof: proofs[i]! }])),
    unsigned: [],
  };
}
