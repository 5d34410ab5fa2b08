// The bytes a filing's signature covers: the RFC 8785 canonical form of the `filing.submit` payload
// (attachments enter it as their SHA-256 hashes inside the content).
import { canonicalBytes } from '../canonical-json';

export function filingSigningBytes(payload: unknown): Uint8Array {
  return canonicalBytes(payload);
}
