// Password hashing (argon2id) and one-time temporary passwords.
import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~25–50 ms here, hard on GPUs. The `argon2`
 * package's prebuilt binary crashes on Node 20 here, so the napi-rs build is used; both write the
 * standard PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
 */
// `Algorithm` is a const enum (not importable as a value under isolatedModules): 2 is Argon2id.
const argon2id = 2 as Algorithm;

export const argon2Options = { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), argon2Options);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check when the username is unknown, so timing does not reveal accounts. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}

const alphabet = {
  lower: 'abcdefghijkmnpqrstuvwxyz',
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  digit: '23456789',
  symbol: '-_.!@#',
};

/** A 16-character temporary password with every character kind (so it passes the policy), no look-alikes. */
export function temporaryPassword(): string {
  const all = Object.values(alphabet).join('');
  const chars = [alphabet.lower, alphabet.upper, alphabet.digit, alphabet.symbol].map((set) => set[randomInt(set.length)]!);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
