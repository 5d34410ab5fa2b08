// The CAdES-T upgrade before a push: every pending `filing.submit` whose signature has no timestamp
// yet (signed offline, or while the portal was away) gets the portal TSA's timestamp, and its outbox
// row is rewritten with the timestamped signature, one row at a time (progress survives a crash or a
// dropped connection half-way).
//
// When the TSA cannot be reached (SYNC_OFFLINE, PORTAL_UNAVAILABLE, RATE_LIMITED, a garbled answer)
// or the session is refused, the pass stops and the error goes up to the sync engine, which treats it
// like a failed push: the run ends offline/with the error, the pull is still tried, and the scheduler
// retries with backoff. Nothing is pushed unstamped in that case because the TSA lives on the same
// portal as the push endpoint: if one is unreachable the other almost always is too, and pushing
// without the timestamp would lose it for good (the entry leaves the outbox). When the portal answers
// but will not timestamp (no TSA on this portal, a rejection, a token that does not verify), the
// filing is pushed as it is, a valid CAdES-BES, so a TSA problem never holds filings back; the
// portal's verification decides whether it needs the timestamp.
import { hasErrorCode } from '../../../src-common/errors';
import { hasSignatureTimestamp } from '../../../src-common/signing/timestamp';
import type { Store } from '../db/store';
import type { TimestampClient } from '../signing/timestamp-client';
import type { OutboxRepo } from './outbox.repo';
import { isTransient } from './portal-client';
import type { TsaCertificateRepo } from './tsa-certificate.repo';

export interface OutboxTimestampsDeps {
  store: Store;
  outbox: OutboxRepo;
  tsa: TimestampClient;
  certificate: TsaCertificateRepo;
  now: () => Date;
}

export interface UpgradeResult {
  /** Entries now carrying a timestamp. */
  stamped: number;
  /** Entries left as CAdES-BES because the portal would not timestamp them (with why). */
  skipped: { id: string; code: string }[];
}

const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** Errors that end the pass and go up to the engine (retried later), as opposed to "push it unstamped". */
const stopsThePass = (code: string) => isTransient(code) || code === 'AUTH_REQUIRED';

export class OutboxTimestamps {
  constructor(private readonly deps: OutboxTimestampsDeps) {}

  /** Timestamps every pending signed filing that has no timestamp yet; see the header for failures. */
  async upgradePending(sessionToken: string): Promise<UpgradeResult> {
    const { outbox, tsa } = this.deps;
    const result: UpgradeResult = { stamped: 0, skipped: [] };
    const waiting = outbox.pendingSigned('filing.submit').filter((entry) => !this.alreadyStamped(entry.signature!));
    if (waiting.length === 0) return result;

    let certificate: Uint8Array | null;
    try {
      certificate = await this.certificate(false);
    } catch (error) {
      if (hasErrorCode(error) && stopsThePass(error.code)) throw error;
      // A portal without a TSA (or an unreadable certificate): push the filings as they are.
      for (const entry of waiting) result.skipped.push({ id: entry.id, code: hasErrorCode(error) ? error.code : 'TIMESTAMP_UNAVAILABLE' });
      return result;
    }
    let refetched = false;
    for (const entry of waiting) {
      const signature = entry.signature!;
      let stamped: Uint8Array;
      try {
        stamped = await tsa.timestamp(sessionToken, fromBase64(signature), [certificate]);
      } catch (error) {
        if (!hasErrorCode(error)) throw error;
        if (stopsThePass(error.code)) throw error;
        if (error.code === 'SIGNATURE_TIMESTAMP_UNTRUSTED' && !refetched) {
          // The portal may have a new TSA key since the certificate was kept: fetch it once and retry.
          refetched = true;
          const current = await this.certificate(true);
          if (!sameBytes(current, certificate)) {
            certificate = current;
            const retried = await this.retry(sessionToken, signature, certificate);
            if (retried) {
              this.store(entry.id, signature, retried);
              result.stamped += 1;
              continue;
            }
          }
        }
        result.skipped.push({ id: entry.id, code: error.code });
        continue;
      }
      if (this.store(entry.id, signature, stamped)) result.stamped += 1;
    }
    return result;
  }

  private alreadyStamped(signatureBase64: string): boolean {
    try {
      return hasSignatureTimestamp(fromBase64(signatureBase64));
    } catch {
      // Not a readable CMS: nothing to timestamp; the portal will say what is wrong with it.
      return true;
    }
  }

  private async retry(sessionToken: string, signature: string, certificate: Uint8Array): Promise<Uint8Array | null> {
    try {
      return await this.deps.tsa.timestamp(sessionToken, fromBase64(signature), [certificate]);
    } catch (error) {
      if (hasErrorCode(error) && stopsThePass(error.code)) throw error;
      return null;
    }
  }

  /** The kept TSA certificate, fetched (and kept) when there is none or when `refresh` is asked. */
  /**
   * One signature timestamped now (a file signed while online), checked against the kept TSA
   * certificate; errors as `TimestampClient.timestamp` throws them.
   */
  async stamp(sessionToken: string, p7s: Uint8Array): Promise<Uint8Array> {
    return this.deps.tsa.timestamp(sessionToken, p7s, [await this.certificate(false)]);
  }

  private async certificate(refresh: boolean): Promise<Uint8Array> {
    const kept = refresh ? null : this.deps.certificate.get();
    if (kept) return kept;
    const fetched = await this.deps.tsa.certificate();
    this.deps.store.write(() => this.deps.certificate.put(fetched, this.deps.now().toISOString()));
    return fetched;
  }

  private store(id: string, from: string, stamped: Uint8Array): boolean {
    return this.deps.store.write(() => this.deps.outbox.replaceSignature(id, from, Buffer.from(stamped).toString('base64')));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
