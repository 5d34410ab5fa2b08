// Manifest signing: one token signature over the Merkle root of a batch's filing hashes; each filing
// carries its inclusion proof and verifies alone (RFC 6962 hashing: leaves and nodes domain-separated).

export interface ProofStep {
  /** Sibling hash (hex) and on which side it sits. */
  hash: string;
  side: 'left' | 'right';
}

export interface InclusionProof {
  index: number;
  count: number;
  path: ProofStep[];
}

export interface Manifest {
  type: 'labordesk.filing-manifest';
  version: 1;
  /** Merkle root (hex) over SHA-256(0x00 || filing bytes) leaves. */
  root: string;
  count: number;
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

async function sha256(...parts: Uint8Array[]): Promise<Uint8Array> {
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
}

const leafHash = (bytes: Uint8Array) => sha256(Uint8Array.of(0), bytes);
const nodeHash = (left: Uint8Array, right: Uint8Array) => sha256(Uint8Array.of(1), left, right);

/**
 * The manifest (to sign) and every filing's inclusion proof. An odd node at the end of a level is
 * promoted unchanged (RFC 6962 style), so no leaf is ever duplicated.
 */
export async function buildManifest(filings: readonly Uint8Array[]): Promise<{ manifest: Manifest; proofs: InclusionProof[] }> {
  if (filings.length === 0) throw new RangeError('a manifest needs at least one filing');
  let level = await Promise.all(filings.map(leafHash));
  const paths: ProofStep[][] = filings.map(() => []);
  // positions[i]: where filing i's ancestor sits in the current level.
  let positions = filings.map((_, i) => i);
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? await nodeHash(level[i]!, level[i + 1]!) : level[i]!);
    positions = positions.map((pos, filing) => {
      const sibling = pos % 2 === 0 ? pos + 1 : pos - 1;
      if (sibling < level.length) paths[filing]!.push({ hash: toHex(level[sibling]!), side: pos % 2 === 0 ? 'right' : 'left' });
      return Math.floor(pos / 2);
    });
    level = next;
  }
  return {
    manifest: { type: 'labordesk.filing-manifest', version: 1, root: toHex(level[0]!), count: filings.length },
    proofs: paths.map((path, index) => ({ index, count: filings.length, path })),
  };
}

/** Whether `filing` is the proof's leaf under `manifest.root`. */
export async function verifyInclusion(filing: Uint8Array, proof: InclusionProof, manifest: Manifest): Promise<boolean> {
  if (proof.count !== manifest.count || proof.index < 0 || proof.index >= manifest.count) return false;
  let hash = await leafHash(filing);
  for (const step of proof.path) {
    if (!/^[0-9a-f]{64}$/.test(step.hash)) return false;
    hash = step.side === 'left' ? await nodeHash(fromHex(step.hash), hash) : await nodeHash(hash, fromHex(step.hash));
  }
  return toHex(hash) === manifest.root;
}
