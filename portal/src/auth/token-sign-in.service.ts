// Signing in with a USB token instead of a password: the portal issues a one-time challenge, the client
// signs it on the token (CAdES), the portal checks the chain and maps the certificate's MST to the
// enterprise's administrator account.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { SessionResponse } from '../../../src-common/portal-api/auth.api';
import { verifyCadesDetached } from '../../../src-common/signing/verify-cades';
import type { PortalDb } from '../db/connection';
import { accounts, authChallenges, enterprises } from '../db/schema';
import type { Clock } from '../http/clock';
import { portalError } from '../http/portal-error';
import type { AuthService } from './auth.service';

const challengeTtlMs = 5 * 60_000;
const hashOf = (challenge: string) => createHash('sha256').update(challenge).digest('hex');

export class TokenSignInService {
  constructor(
    private readonly db: PortalDb,
    private readonly clock: Clock,
    private readonly auth: AuthService,
    private readonly trustedCertificates: Uint8Array[],
  ) {}

  async challenge(): Promise<{ challenge: string; expiresAt: string }> {
    const challenge = `labordesk-sign-in:${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(this.clock.now().getTime() + challengeTtlMs);
    await this.db.insert(authChallenges).values({ challengeHash: hashOf(challenge), expiresAt });
    return { challenge, expiresAt: expiresAt.toISOString() };
  }

  async signIn(challenge: string, signatureBase64: string): Promise<SessionResponse> {
    const now = this.clock.now();
    // Used up first, whatever the outcome: a challenge is good for one attempt only.
    const [used] = await this.db
      .update(authChallenges)
      .set({ usedAt: now })
      .where(and(eq(authChallenges.challengeHash, hashOf(challenge)), isNull(authChallenges.usedAt), gt(authChallenges.expiresAt, now)))
      .returning({ hash: authChallenges.challengeHash });
    if (!used) throw portalError('TOKEN_SIGN_IN_CHALLENGE_EXPIRED', { reason: 'challenge unknown, used or expired' });

    const verdict = await verifyCadesDetached(Buffer.from(signatureBase64, 'base64'), new TextEncoder().encode(challenge), {
      trustedCertificates: this.trustedCertificates,
    });
    if (!verdict.valid) throw portalError(verdict.code ?? 'SIGNATURE_INVALID');
    const party = verdict.signer?.partyId;
    if (!party?.startsWith('MST:')) throw portalError('TOKEN_SIGN_IN_NO_TAX_CODE', { reason: 'certificate carries no tax code' });

    const admins = await this.db
      .select({ id: accounts.id, disabled: accounts.disabled })
      .from(accounts)
      .innerJoin(enterprises, eq(enterprises.id, accounts.enterpriseId))
      .where(and(eq(enterprises.taxCode, party.slice(4)), eq(accounts.role, 'enterpriseAdmin')));
    const active = admins.filter((a) => !a.disabled);
    if (active.length !== 1) throw portalError('TOKEN_SIGN_IN_NO_ACCOUNT', { reason: active.length === 0 ? 'no account for this tax code' : 'several accounts for this tax code' });
    // The token proves who signs; a temporary password still has to be replaced first.
    return this.auth.openSession(active[0]!.id, 'full', now);
  }
}
