// Signing in with a USB token instead of a password: the portal's one-time challenge is signed on the
// token (CAdES), the portal maps the certificate's tax code (MST) to the enterprise administrator, and
// the local session opens exactly as after a password sign-in.
import type { SessionStatus } from '../../../src-common/contract';
import { CodedError, hasErrorCode } from '../../../src-common/errors';
import type { PortalClient } from '../sync/portal-client';
import type { SessionService } from './session.service';

export interface TokenSignInInput {
  portalUrl: string;
  tokenLabel: string;
  certificateId: string;
  /** Used for one C_Login on the token and dropped: never stored, logged or sent on the event channel. */
  pin: string;
}

/** The part of SigningService this needs (tests use the real one on SoftHSM2). */
export interface ChallengeSigner {
  /**
   * Checks the certificate (validity, key strength) before `contentFor` runs, then signs the bytes it
   * returns with one login and logs out; resolves to the detached CAdES signature, base64.
   */
  signChallenge(
    input: { tokenLabel: string; certificateId: string; pin: string },
    contentFor: (certificate: { partyId: string | null }) => Promise<Uint8Array>,
  ): Promise<string>;
}

export interface TokenSignInDeps {
  session: SessionService;
  signer: ChallengeSigner;
  clientFor: (portalUrl: string) => PortalClient;
}

export class TokenSignInService {
  constructor(private readonly deps: TokenSignInDeps) {}

  async signIn({ portalUrl, tokenLabel, certificateId, pin }: TokenSignInInput): Promise<SessionStatus> {
    const client = this.deps.clientFor(portalUrl);
    let challenge = '';
    let partyId: string | null = null;
    // The certificate is checked on the token before the portal is asked anything.
    const signature = await this.deps.signer.signChallenge({ tokenLabel, certificateId, pin }, async (certificate) => {
      partyId = certificate.partyId;
      if (!partyId?.startsWith('MST:')) throw new CodedError('TOKEN_SIGN_IN_NO_TAX_CODE', { partyId });
      challenge = (await client.tokenChallenge()).challenge;
      return new TextEncoder().encode(challenge);
    });
    let session;
    try {
      session = await client.tokenLogin(challenge, signature);
    } catch (error) {
      throw refusalOf(error, partyId);
    }
    return this.deps.session.establish({ portalUrl, username: session.account.username, client, session, method: 'token' });
  }
}

/** The portal's refusal, with the certificate's MST added to the details for the message. */
function refusalOf(error: unknown, partyId: string | null): unknown {
  if (!hasErrorCode(error) || !error.code.startsWith('TOKEN_SIGN_IN_')) return error;
  return new CodedError(error.code, { partyId, ...(error.details && typeof error.details === 'object' ? error.details : {}) });
}
