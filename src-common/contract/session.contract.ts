// Area `session`: signing in to the central portal. Each portal account has its own encrypted data folder.
import { z } from 'zod';
import { accountViewSchema } from '../portal-api/auth.api';
import { defineArea } from './define';
import { TokenPinSchema } from './signing.contract';

export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .regex(/^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/i, { message: 'must be an http:// or https:// address' })
  .transform((url) => url.replace(/\/+$/, ''));

export const SessionStateSchema = z.enum([
  /** Nobody signed in: show the sign-in screen. */
  'signedOut',
  /** Signed in with a temporary password: the only way on is changing it. */
  'passwordChangeRequired',
  /** Signed in (the session may be cached from an earlier start and the portal unreachable). */
  'signedIn',
  /** The portal refused the cached session (401): data stays open and pending work is kept; sign in again. */
  'needsSignIn',
]);
export type SessionState = z.infer<typeof SessionStateSchema>;

export const KnownAccountSchema = z.object({ portalUrl: z.string(), username: z.string(), displayName: z.string() });

export const SessionStatusSchema = z.object({
  state: SessionStateSchema,
  account: accountViewSchema.optional(),
  portalUrl: z.string().optional(),
  /** What the sign-in form proposes: the configured portal, else the last one used. */
  defaultPortalUrl: z.string().nullable(),
  /** Accounts with data on this computer, most recent first (for the sign-in form). */
  knownAccounts: z.array(KnownAccountSchema),
});
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

export const sessionContract = defineArea({
  'session:status': { input: z.object({}).strict(), output: SessionStatusSchema },
  'session:signIn': {
    input: z
      .object({
        portalUrl: HttpUrlSchema,
        username: z.string().trim().toLowerCase().min(1).max(64),
        password: z.string().min(1).max(512),
      })
      .strict(),
    output: SessionStatusSchema,
  },
  /**
   * Sign-in with a USB-token certificate instead of a password: the portal's challenge is signed on the
   * token and the certificate's MST names the enterprise administrator. The PIN crosses once, here.
   */
  'session:signInWithToken': {
    input: z
      .object({
        portalUrl: HttpUrlSchema,
        tokenLabel: z.string().min(1).max(64),
        certificateId: z.string().regex(/^[0-9a-f]{1,128}$/),
        pin: TokenPinSchema,
      })
      .strict(),
    output: SessionStatusSchema,
  },
  'session:changePassword': {
    input: z.object({ currentPassword: z.string().min(1).max(512), newPassword: z.string().min(1).max(512) }).strict(),
    output: SessionStatusSchema,
  },
  /** Ends the session here and on the portal; the account's data and pending work stay on this computer. */
  'session:signOut': { input: z.object({}).strict(), output: SessionStatusSchema },
});
