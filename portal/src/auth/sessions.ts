// Sessions: random opaque bearer tokens, stored only as SHA-256 hashes, with expiry and revocation.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { PortalDb } from '../db/connection';
import { sessions } from '../db/schema';

export type SessionPurpose = 'full' | 'changePassword';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedSession {
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

export async function issueSession(
  db: Pick<PortalDb, 'insert'>,
  accountId: string,
  purpose: SessionPurpose,
  now: Date,
  ttlMs: number,
): Promise<IssuedSession> {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db.insert(sessions).values({ tokenHash, accountId, purpose, createdAt: now, expiresAt });
  return { token, tokenHash, expiresAt };
}

export async function revokeSession(db: Pick<PortalDb, 'update'>, tokenHash: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt)));
}

export async function revokeAllSessions(db: Pick<PortalDb, 'update'>, accountId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
}
