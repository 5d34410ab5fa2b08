// One loaded PKCS#11 library: its tokens, their certificates, and a logged-in session that signs.
// Login belongs to the token for the whole process, so one object owns the library and its sessions.
import { createHash, X509Certificate } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import { CodedError } from '../../../src-common/errors';
import { toTokenError, type PinState } from './pkcs11-errors';

export interface TokenSummary {
  slot: string;
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  /** A PIN pad on the reader: the PIN is typed there, never in the app. */
  hasPinPad: boolean;
  pin: PinState & { locked: boolean };
}

export interface TokenCertificate {
  /** CKA_ID in hex: the private key with the same id signs for this certificate. */
  id: string;
  label: string;
  der: Buffer;
  subject: string;
  issuer: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  /** "MST:..." (tax code) or "CCCD:"/"CMND:" (citizen ID) from the subject's UID, as Vietnamese CAs put them. */
  partyId: string | null;
}

/** The signature wanted: RSA PKCS#1 v1.5 with SHA-256, or ECDSA over SHA-256. */
export type SigningMechanism = 'SHA256_RSA_PKCS' | 'ECDSA';
/** How the token makes it: some tokens offer only raw CKM_RSA_PKCS, which signs a DigestInfo we build. */
export type TokenMechanism = 'CKM_SHA256_RSA_PKCS' | 'CKM_RSA_PKCS' | 'CKM_ECDSA';

/** DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2): prepended to the digest for CKM_RSA_PKCS. */
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/** The token mechanism for a wanted signature among those the token offers (C_GetMechanismList). */
export function tokenMechanismFor(wanted: SigningMechanism, offered: ReadonlySet<number>): TokenMechanism {
  if (wanted === 'ECDSA') {
    if (offered.has(pkcs11js.CKM_ECDSA)) return 'CKM_ECDSA';
  } else if (offered.has(pkcs11js.CKM_SHA256_RSA_PKCS)) {
    return 'CKM_SHA256_RSA_PKCS';
  } else if (offered.has(pkcs11js.CKM_RSA_PKCS)) {
    return 'CKM_RSA_PKCS';
  }
  throw new CodedError('TOKEN_MECHANISM_UNSUPPORTED', { wanted });
}

const trim = (value: string) => value.replace(/[\s\0]+$/, '');

export class Pkcs11Library {
  private readonly pkcs11 = new pkcs11js.PKCS11();
  private open = false;

  constructor(readonly modulePath: string) {}

  load(): void {
    try {
      this.pkcs11.load(this.modulePath);
    } catch (error) {
      throw new CodedError('TOKEN_MODULE_NOT_FOUND', { path: this.modulePath }, { cause: error });
    }
    try {
      this.pkcs11.C_Initialize();
    } catch (error) {
      // Another part of this process initialised the library first: that is fine.
      if (!String((error as Error).message).includes('CKR_CRYPTOKI_ALREADY_INITIALIZED')) throw toTokenError(error);
    }
    this.open = true;
  }

  /** Initialised tokens only (SoftHSM2 and some readers also show an empty, uninitialised slot). */
  tokens(): TokenSummary[] {
    return this.pkcs11.C_GetSlotList(true).flatMap((slot) => {
      const info = this.pkcs11.C_GetTokenInfo(slot);
      if ((info.flags & pkcs11js.CKF_TOKEN_INITIALIZED) === 0) return [];
      return {
        slot: slot.toString('hex'),
        label: trim(info.label),
        manufacturer: trim(info.manufacturerID),
        model: trim(info.model),
        serial: trim(info.serialNumber),
        hasPinPad: (info.flags & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0,
        pin: {
          countLow: (info.flags & pkcs11js.CKF_USER_PIN_COUNT_LOW) !== 0,
          finalTry: (info.flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) !== 0,
          locked: (info.flags & pkcs11js.CKF_USER_PIN_LOCKED) !== 0,
        },
      };
    });
  }

  /** The slot holding the token with this label (slot ids change between initialisations; labels do not). */
  private slotOf(label: string): Buffer {
    const slot = this.pkcs11.C_GetSlotList(true).find((s) => trim(this.pkcs11.C_GetTokenInfo(s).label) === label);
    if (!slot) throw new CodedError('TOKEN_NOT_FOUND', { label });
    return slot;
  }

  /** Certificates are public objects: listing them needs no PIN. */
  certificates(tokenLabel: string): TokenCertificate[] {
    const session = this.pkcs11.C_OpenSession(this.slotOf(tokenLabel), pkcs11js.CKF_SERIAL_SESSION);
    try {
      return this.findAll(session, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
        { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
      ]).map((handle) => {
        const [id, label, value] = this.pkcs11.C_GetAttributeValue(session, handle, [
          { type: pkcs11js.CKA_ID },
          { type: pkcs11js.CKA_LABEL },
          { type: pkcs11js.CKA_VALUE },
        ]);
        const der = value!.value as Buffer;
        const cert = new X509Certificate(der);
        return {
          id: (id!.value as Buffer).toString('hex'),
          label: (label!.value as Buffer).toString('utf8'),
          der,
          subject: cert.subject,
          issuer: cert.issuer,
          serialNumber: cert.serialNumber,
          validFrom: new Date(cert.validFrom).toISOString(),
          validTo: new Date(cert.validTo).toISOString(),
          partyId: partyIdOf(cert.subject),
        };
      });
    } catch (error) {
      throw toTokenError(error);
    } finally {
      this.pkcs11.C_CloseSession(session);
    }
  }

  /**
   * Logs in once for a batch. An empty PIN on a token with a PIN pad lets the reader ask for it (the PIN
   * never passes through the app). The PIN is kept by the session only for keys that want it again
   * before each signature (CKA_ALWAYS_AUTHENTICATE), and dropped at logout.
   */
  login(tokenLabel: string, pin: string): TokenSession {
    const slot = this.slotOf(tokenLabel);
    const pinPad = (this.pkcs11.C_GetTokenInfo(slot).flags & pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH) !== 0;
    if (pin === '' && !pinPad) throw new CodedError('VALIDATION_FAILED', { issues: [{ path: 'pin', message: 'PIN required' }] });
    const session = this.pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    try {
      // On a PIN pad, C_Login blocks until the user has typed the PIN on the reader.
      if (pin === '') this.pkcs11.C_Login(session, pkcs11js.CKU_USER);
      else this.pkcs11.C_Login(session, pkcs11js.CKU_USER, pin);
    } catch (error) {
      const flags = this.pkcs11.C_GetTokenInfo(slot).flags;
      this.pkcs11.C_CloseSession(session);
      throw toTokenError(error, {
        countLow: (flags & pkcs11js.CKF_USER_PIN_COUNT_LOW) !== 0,
        finalTry: (flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) !== 0,
      });
    }
    const offered = new Set(this.pkcs11.C_GetMechanismList(slot));
    return new TokenSession(this.pkcs11, session, (handle, template) => this.findAll(handle, template), pin, offered);
  }

  /** Ends every session and unloads the library (also what a pulled-out token looks like to a batch). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.pkcs11.C_Finalize();
    } finally {
      this.pkcs11.close();
    }
  }

  private findAll(session: Buffer, template: pkcs11js.Template): Buffer[] {
    this.pkcs11.C_FindObjectsInit(session, template);
    try {
      const handles: Buffer[] = [];
      for (let batch = this.pkcs11.C_FindObjects(session, 64); batch.length > 0; batch = this.pkcs11.C_FindObjects(session, 64)) handles.push(...batch);
      return handles;
    } finally {
      this.pkcs11.C_FindObjectsFinal(session);
    }
  }
}

/** A logged-in session: signs with the private key of a given CKA_ID until logged out. */
export class TokenSession {
  private closed = false;

  /** Whether each key (by CKA_ID) needs a context-specific login before every signature. */
  private readonly alwaysAuthenticate = new Map<string, boolean>();

  constructor(
    private readonly pkcs11: pkcs11js.PKCS11,
    private readonly handle: Buffer,
    private readonly findAll: (session: Buffer, template: pkcs11js.Template) => Buffer[],
    /** For CKA_ALWAYS_AUTHENTICATE keys only ('' on a PIN pad); cleared at logout. */
    private pin: string,
    /** The mechanisms the token offers (C_GetMechanismList). */
    private readonly offered: ReadonlySet<number>,
  ) {}

  /**
   * Signs SHA-256 of `data` on the token (RSA PKCS#1 v1.5, or ECDSA over the digest we compute, since
   * CKM_ECDSA takes a hash); asynchronous, so the event loop keeps running while the token works. The
   * token mechanism is chosen from what the token offers; `via` forces one (tests).
   */
  sign(keyId: string, data: Buffer, mechanism: SigningMechanism = 'SHA256_RSA_PKCS', via?: TokenMechanism): Promise<Buffer> {
    if (this.closed) return Promise.reject(new CodedError('TOKEN_REMOVED', { reason: 'session closed' }));
    let key: Buffer | undefined;
    let route: TokenMechanism;
    try {
      route = via ?? tokenMechanismFor(mechanism, this.offered);
      [key] = this.findAll(this.handle, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
        { type: pkcs11js.CKA_ID, value: Buffer.from(keyId, 'hex') },
      ]);
      if (!key) throw new CodedError('TOKEN_KEY_NOT_FOUND', { id: keyId });
      this.pkcs11.C_SignInit(this.handle, { mechanism: pkcs11js[route] }, key);
      // Keys marked CKA_ALWAYS_AUTHENTICATE (qualified-signature profiles) want the PIN again, right
      // after C_SignInit, for every single signature.
      if (this.needsContextLogin(keyId, key)) {
        if (this.pin === '') this.pkcs11.C_Login(this.handle, pkcs11js.CKU_CONTEXT_SPECIFIC);
        else this.pkcs11.C_Login(this.handle, pkcs11js.CKU_CONTEXT_SPECIFIC, this.pin);
      }
    } catch (error) {
      return Promise.reject(toTokenError(error));
    }
    return new Promise((resolve, reject) => {
      // CKM_SHA256_RSA_PKCS hashes the data itself; the other two take our SHA-256 (DigestInfo for raw RSA).
      const digest = route === 'CKM_SHA256_RSA_PKCS' ? null : createHash('sha256').update(data).digest();
      const input = digest === null ? data : route === 'CKM_RSA_PKCS' ? Buffer.concat([sha256DigestInfoPrefix, digest]) : digest;
      this.pkcs11.C_Sign(this.handle, input, Buffer.alloc(1024), (error, signature) => {
        if (error) reject(toTokenError(error));
        else resolve(Buffer.from(signature));
      });
    });
  }

  private needsContextLogin(keyId: string, key: Buffer): boolean {
    let needed = this.alwaysAuthenticate.get(keyId);
    if (needed === undefined) {
      const [attribute] = this.pkcs11.C_GetAttributeValue(this.handle, key, [{ type: pkcs11js.CKA_ALWAYS_AUTHENTICATE }]);
      const value = attribute?.value;
      needed = Buffer.isBuffer(value) ? value.length > 0 && value[0] !== 0 : Boolean(value);
      this.alwaysAuthenticate.set(keyId, needed);
    }
    return needed;
  }

  logout(): void {
    if (this.closed) return;
    this.closed = true;
    this.pin = '';
    try {
      this.pkcs11.C_Logout(this.handle);
    } catch {
      // Already logged out, or the token is gone: either way the session ends here.
    }
    try {
      this.pkcs11.C_CloseSession(this.handle);
    } catch {
      // as above
    }
  }
}

/** "MST:0101234567", "CCCD:001090012345" or "CMND:..." from the subject's UID line, if any. */
export function partyIdOf(subject: string): string | null {
  const match = /(?:^|\n)UID=((?:MST|CCCD|CMND):[0-9-]+)/.exec(subject);
  return match?.[1] ?? null;
}
