// The portal's receipt key (ECDSA P-256): made at first start and kept in portal_meta. A production
// portal would keep it in an HSM; the reference portal keeps it in its database.
import { createHash, createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { receiptSigningBytes, type Receipt, type ReceiptBody } from '../../../src-common/signing/receipt';
import type { PortalDb } from '../db/connection';
import { portalMeta } from '../db/schema';

const metaKey = 'receiptKey';

export class ReceiptSigner {
  private constructor(
    private readonly privateKey: KeyObject,
    readonly publicKeyPem: string,
    readonly keyId: string,
  ) {}

  static async load(db: PortalDb): Promise<ReceiptSigner> {
    const [row] = await db.select().from(portalMeta).where(eq(portalMeta.key, metaKey));
    let stored = row?.value as { privateKeyPem: string; publicKeyPem: string } | undefined;
    if (!stored) {
      const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      stored = {
        privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
        publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      };
      // Two portals starting at once on one database: the first key wins, both use it.
      await db.insert(portalMeta).values({ key: metaKey, value: stored }).onConflictDoNothing();
      const [winner] = await db.select().from(portalMeta).where(eq(portalMeta.key, metaKey));
      stored = winner!.value as typeof stored;
    }
    const keyId = createHash('sha256').update(stored.publicKeyPem).digest('hex').slice(0, 16);
    return new ReceiptSigner(createPrivateKey(stored.privateKeyPem), stored.publicKeyPem, keyId);
  }

  sign(body: Omit<ReceiptBody, 'keyId'>): Receipt {
    const full: ReceiptBody = { ...body, keyId: this.keyId };
    const signature = sign('sha256', receiptSigningBytes(full), { key: this.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64');
    return { ...full, signature };
  }
}
