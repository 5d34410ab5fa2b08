// A minimal, strict DER toolkit: encode a TLV from parts, read one back. The signer assembles a CMS
// from templates with it (no object model per signature) and the verifier walks a CMS without building
// one. Only definite lengths in their shortest form are read: BER leniency is how signature wrapping
// and malleability attacks get in.

export const tag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  /** [n] constructed, context-specific (EXPLICIT, or IMPLICIT of a constructed type). */
  context: (n: number) => 0xa0 | n,
} as const;

export function derLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const part of parts) size += part.length;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** One TLV whose value is the concatenation of `contents`. */
export function tlv(tagByte: number, ...contents: Uint8Array[]): Uint8Array {
  const body = concat(contents);
  const length = derLength(body.length);
  const out = new Uint8Array(1 + length.length + body.length);
  out[0] = tagByte;
  out.set(length, 1);
  out.set(body, 1 + length.length);
  return out;
}

const oidCache = new Map<string, Uint8Array>();

/** OBJECT IDENTIFIER TLV of a dotted OID. */
export function oid(dotted: string): Uint8Array {
  let encoded = oidCache.get(dotted);
  if (!encoded) {
    const arcs = dotted.split('.').map((a) => BigInt(a));
    const body: number[] = [];
    const pushArc = (arc: bigint) => {
      const groups: number[] = [Number(arc & 0x7fn)];
      for (let rest = arc >> 7n; rest > 0n; rest >>= 7n) groups.unshift(Number(rest & 0x7fn) | 0x80);
      body.push(...groups);
    };
    pushArc(arcs[0]! * 40n + arcs[1]!);
    for (const arc of arcs.slice(2)) pushArc(arc);
    encoded = tlv(tag.oid, Uint8Array.from(body));
    oidCache.set(dotted, encoded);
  }
  return encoded;
}

/** Dotted form of an OBJECT IDENTIFIER's value bytes. */
export function oidToString(value: Uint8Array): string {
  const arcs: bigint[] = [];
  let arc = 0n;
  for (const byte of value) {
    arc = (arc << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(arc);
      arc = 0n;
    }
  }
  if (arcs.length === 0) throw new DerError('empty OID');
  const first = arcs[0]!;
  const head = first < 80n ? [first / 40n, first % 40n] : [2n, first - 80n];
  return [...head, ...arcs.slice(1)].join('.');
}

/** UTCTime for 1950–2049, GeneralizedTime otherwise (RFC 5652 §11.3), to the second, in UTC. */
export function derTime(date: Date): Uint8Array {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const year = date.getUTCFullYear();
  const rest = `${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
  const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  return year >= 1950 && year < 2050 ? tlv(tag.utcTime, ascii(`${pad(year % 100)}${rest}`)) : tlv(tag.generalizedTime, ascii(`${pad(year, 4)}${rest}`));
}

/** INTEGER TLV of an unsigned big-endian magnitude (leading zeros trimmed, a 0x00 added when the top bit is set). */
export function unsignedInteger(magnitude: Uint8Array): Uint8Array {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start += 1;
  const trimmed = magnitude.subarray(start);
  return trimmed[0]! & 0x80 ? tlv(tag.integer, Uint8Array.of(0), trimmed) : tlv(tag.integer, trimmed);
}

export class DerError extends Error {}

/** One TLV inside a buffer: its tag, where its value starts and where the TLV ends. */
export interface Tlv {
  tag: number;
  /** Offset of the first byte of the TLV (its tag). */
  offset: number;
  /** Offset of the first value byte. */
  start: number;
  /** Offset just past the value. */
  end: number;
}

/** Reads the TLV at `offset`, not past `limit`. Single-byte tags only (all CMS and X.509 needs). */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length): Tlv {
  if (offset + 2 > limit) throw new DerError('truncated');
  const tagByte = bytes[offset]!;
  if ((tagByte & 0x1f) === 0x1f) throw new DerError('multi-byte tag');
  let length = bytes[offset + 1]!;
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw new DerError('indefinite length');
    if (count > 4 || start + count > limit) throw new DerError('length too long');
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + bytes[start + i]!;
    if (bytes[start] === 0 || length < 0x80) throw new DerError('non-minimal length');
    start += count;
  }
  const end = start + length;
  if (end > limit) throw new DerError('truncated');
  return { tag: tagByte, offset, start, end };
}

/** The TLVs directly inside a constructed TLV, in order. */
export function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let offset = parent.start; offset < parent.end; ) {
    const child = readTlv(bytes, offset, parent.end);
    out.push(child);
    offset = child.end;
  }
  return out;
}

/** Reads the TLV at `offset` and checks its tag. */
export function expectTlv(bytes: Uint8Array, offset: number, expected: number, limit = bytes.length): Tlv {
  const found = readTlv(bytes, offset, limit);
  if (found.tag !== expected) throw new DerError(`expected tag 0x${expected.toString(16)}, found 0x${found.tag.toString(16)}`);
  return found;
}

export const valueOf = (bytes: Uint8Array, t: Tlv) => bytes.subarray(t.start, t.end);
export const wholeOf = (bytes: Uint8Array, t: Tlv) => bytes.subarray(t.offset, t.end);

/** DER order of a SET OF: by the encodings, shorter first when one is a prefix (X.690 11.6). */
export function sortDer(encodings: readonly Uint8Array[]): Uint8Array[] {
  return [...encodings].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return a.length - b.length;
  });
}
