// UUID version 7 (RFC 9562): time-ordered ids, used as mutation idempotency keys and record ids.

const uuidV7Pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isUuidV7(value: string): boolean {
  return uuidV7Pattern.test(value);
}

let lastMillis = -1;
let lastCounter = 0;

/**
 * A new UUIDv7: 48-bit Unix milliseconds, then a 12-bit counter seeded randomly each millisecond
 * (so ids made in the same millisecond still sort in creation order), then 62 random bits.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  let millis = now;
  if (millis <= lastMillis) {
    millis = lastMillis;
    lastCounter += 1;
    if (lastCounter > 0xfff) {
      millis += 1;
      lastCounter = bytes[6]! & 0x07;
    }
  } else {
    lastCounter = ((bytes[6]! & 0x07) << 8) | bytes[7]!;
  }
  lastMillis = millis;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = millis % 256;
    millis = Math.floor(millis / 256);
  }
  bytes[6] = 0x70 | (lastCounter >> 8);
  bytes[7] = lastCounter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
