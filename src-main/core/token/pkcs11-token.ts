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

export type SigningMechanism = 'SHA256_RSA_PKCS' | 'ECDSA';

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

  /** Logs in once for a batch; the PIN is used for C_Login and not kept. */
  login(tokenLabel: string, pin: string): TokenSession {
    const slot = this.slotOf(tokenLabel);
    const session = this.pkcs11.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    try {
      this.pkcs11.C_Login(session, pkcs11js.CKU_USER, pin);
    } catch (error) {
      const flags = this.pkcs11.C_GetTokenInfo(slot).flags;
      this.pkcs11.C_CloseSession(session);
      throw toTokenError(error, {
        countLow: (flags & pkcs11js.CKF_USER_PIN_COUNT_LOW) !== 0,
        finalTry: (flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) !== 0,
      });
    }
    return new TokenSession(this.pkcs11, session, (handle, template) => this.findAll(handle, template));
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

  constructor(
    private readonly pkcs11: pkcs11js.PKCS11,
    private readonly handle: Buffer,
    private readonly findAll: (session: Buffer, template: pkcs11js.Template) => Buffer[],
  ) {}

  /**
   * Signs SHA-256 of `data` on the token (RSA PKCS#1 v1.5, or ECDSA over the digest we compute, since
   * CKM_ECDSA takes a hash); asynchronous, so the event loop keeps running while the token works.
   */
  sign(keyId: string, data: Buffer, mechanism: SigningMechanism = 'SHA256_RSA_PKCS'): Promise<Buffer> {
    if (this.closed) return Promise.reject(new CodedError('TOKEN_REMOVED', { reason: 'session closed' }));
    let key: Buffer | undefined;
    try {
      [key] = this.findAll(this.handle, [
        { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_PRIVATE_KEY },
        { type: pkcs11js.CKA_ID, value: Buffer.from(keyId, 'hex') },
      ]);
      if (!key) throw new CodedError('TOKEN_KEY_NOT_FOUND', { id: keyId });
      const ckm = mechanism === 'ECDSA' ? pkcs11js.CKM_ECDSA : pkcs11js.CKM_SHA256_RSA_PKCS;
      this.pkcs11.C_SignInit(this.handle, { mechanism: ckm }, key);
    } catch (error) {
      return Promise.reject(toTokenError(error));
    }
    return new Promise((resolve, reject) => {
      const input = mechanism === 'ECDSA' ? createHash('sha256').update(data).digest() : data;
      this.pkcs11.C_Sign(this.handle, input, Buffer.alloc(1024), (error, signature) => {
        if (error) reject(toTokenError(error));
        else resolve(Buffer.from(signature));
      });
    });
  }

  logout(): void {
    if (this.closed) return;
    this.closed = true;
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
