// The audit chain's hash rule: each entry's SHA-256 covers its own fields and the previous hash.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainFields {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** The details exactly as stored (a JSON string), so verification needs no re-serialisation. */
  details: string;
  prevHash: string;
}

export function entryHash(fields: ChainFields): string {
  const canonical = JSON.stringify([
    fields.seq,
    fields.at,
    fields.actor,
    fields.action,
    fields.target,
    fields.details,
    fields.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
