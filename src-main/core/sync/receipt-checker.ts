// Checks the portal's receipts (biên nhận) on pulled filings against the account's pinned receipt key.
// Trust on first use: with no key pinned, the key the portal publishes (GET /api/v1/portal/receipt-key)
// is pinned. A different key published later is NOT trusted: it is kept as an unaccepted key (the
// warning the UI shows) and receipts signed with it are 'invalid' until the user accepts it. A receipt
// that fails is flagged, never dropped: the record is stored as pulled.
import { createPublicKey } from 'node:crypto';
import type { ReceiptStatus } from '../../../src-common/contract';
import { hasErrorCode } from '../../../src-common/errors';
import type { ReceiptKeyResponse } from '../../../src-common/portal-api/receipt-key.api';
import type { Change } from '../../../src-common/portal-api/sync.api';
import { filingRecordSigningCandidates, type FilingRecordFields } from '../../../src-common/signing/filing-record-bytes';
import { receiptSchema, verifyReceipt, type Receipt } from '../../../src-common/signing/receipt';
import type { Store } from '../db/store';
import type { ReceiptKeysRepo } from './receipt-keys.repo';
import type { RecordsRepo } from './records.repo';

export interface ReceiptCheckerDeps {
  store: Store;
  keys: ReceiptKeysRepo;
  /** The portal's published key (PortalClient.receiptKey). */
  fetchKey: () => Promise<ReceiptKeyResponse>;
  now: () => Date;
}

type FilingData = FilingRecordFields & { receipt?: unknown };

/** Filings checked per page when re-checking the whole store. */
const recheckPage = 500;

export class ReceiptChecker {
  constructor(private readonly deps: ReceiptCheckerDeps) {}

  /**
   * The receipt status of every filing upsert in `changes` (by change id; null when it carries no
   * receipt). Fetches the portal's key only when needed: nothing pinned yet, or a receipt names a key
   * that is not pinned. Runs before the page's write transaction (verification is async).
   */
  async statuses(changes: readonly Change[]): Promise<Map<string, ReceiptStatus | null>> {
    const filings = changes.filter((c) => c.entity === 'filing' && c.op === 'upsert');
    const statuses = new Map<string, ReceiptStatus | null>();
    if (filings.length === 0) return statuses;
    const receipts = filings.map((c) => (c.data as FilingData).receipt ?? null);
    await this.refreshKeys(receipts.filter((r) => r !== null).map((r) => keyIdOf(r)));
    const pinned = this.deps.keys.pinned();
    await Promise.all(filings.map(async (change, i) => statuses.set(change.id, await statusOf(change.data as FilingData, receipts[i], pinned))));
    return statuses;
  }

  /**
   * Checks again the receipts kept in the local store (after a key was accepted, for the ones left
   * unverified, or to catch a store changed behind the app's back) and stores the results.
   */
  async recheckStored(records: RecordsRepo): Promise<Record<ReceiptStatus, number>> {
    const counts: Record<ReceiptStatus, number> = { valid: 0, invalid: 0, unverified: 0 };
    const pinned = this.deps.keys.pinned();
    for (let after = ''; ; ) {
      const page = records.filingsPage(after, recheckPage);
      if (page.length === 0) return counts;
      const results = await Promise.all(
        page.map(async (row) => {
          const data = parseFiling(row.serverData);
          return { id: row.id, status: data ? await statusOf(data, data.receipt ?? null, pinned) : null };
        }),
      );
      this.deps.store.write(() => results.forEach((r) => records.setReceiptStatus('filing', r.id, r.status)));
      for (const r of results) if (r.status) counts[r.status] += 1;
      after = page.at(-1)!.id;
    }
  }

  /** Pins the portal's key on first use; notes a different published key as unaccepted. */
  private async refreshKeys(receiptKeyIds: (string | null)[]): Promise<void> {
    const pinned = this.deps.keys.pinned();
    // Keys already pinned or already noted as unaccepted need no new look at the portal's key.
    const knownIds = new Set(this.deps.keys.all().map((k) => k.keyId));
    if (pinned.length > 0 && receiptKeyIds.every((id) => id !== null && knownIds.has(id))) return;
    let published: ReceiptKeyResponse;
    try {
      published = await this.deps.fetchKey();
    } catch (error) {
      // Offline or an older portal: receipts stay unverified (or are checked with the pinned keys).
      if (hasErrorCode(error)) return;
      throw error;
    }
    let spki: string;
    try {
      spki = Buffer.from(createPublicKey(published.publicKeyPem).export({ type: 'spki', format: 'der' })).toString('base64');
    } catch {
      return;
    }
    const at = this.deps.now().toISOString();
    this.deps.store.write(() => {
      if (pinned.length === 0) this.deps.keys.pin(spki, published.keyId, at);
      else if (!pinned.some((k) => k.spki === spki)) this.deps.keys.noteUnaccepted(spki, published.keyId, at);
    });
  }
}

function keyIdOf(receipt: unknown): string | null {
  const keyId = (receipt as { keyId?: unknown } | null)?.keyId;
  return typeof keyId === 'string' ? keyId : null;
}

function parseFiling(serverData: string): FilingData | null {
  try {
    return JSON.parse(serverData) as FilingData;
  } catch {
    return null;
  }
}

/** Valid only if a pinned key with the receipt's key id signed it and it acknowledges exactly this filing. */
async function statusOf(filing: FilingData, receipt: unknown, pinned: readonly { spki: string; keyId: string }[]): Promise<ReceiptStatus | null> {
  if (receipt === null || receipt === undefined) return null;
  if (pinned.length === 0) return 'unverified';
  const parsed = receiptSchema.safeParse(receipt);
  if (!parsed.success) return 'invalid';
  const body: Receipt = parsed.data;
  if (body.filingId !== filing.id || body.filingVersion !== filing.filingVersion) return 'invalid';
  let candidates: Uint8Array[];
  try {
    candidates = filingRecordSigningCandidates(filing);
  } catch {
    return 'invalid';
  }
  for (const key of pinned.filter((k) => k.keyId === body.keyId)) {
    const spki = Buffer.from(key.spki, 'base64');
    for (const bytes of candidates) {
      try {
        if (await verifyReceipt(body, spki, bytes)) return 'valid';
      } catch {
        // A malformed signature or key: not a valid receipt.
      }
    }
  }
  return 'invalid';
}
