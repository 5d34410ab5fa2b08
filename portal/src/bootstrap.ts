// First start: a portal with no accounts gets one system administrator, who must change the password.
import { count, eq } from 'drizzle-orm';
import { hashPassword } from './auth/passwords';
import type { PortalDb } from './db/connection';
import { accounts } from './db/schema';
import type { PortalServices } from './http/services';

export interface BootstrapResult {
  created: boolean;
  username: string;
  /** Shown once on the console when the portal made it up itself; never logged. */
  temporaryPassword?: string;
}

export async function ensureSystemAdmin(
  db: PortalDb,
  services: PortalServices,
  username = 'admin',
  initialPassword?: string,
): Promise<BootstrapResult> {
  const [row] = await db.select({ n: count() }).from(accounts);
  if ((row?.n ?? 0) > 0) return { created: false, username };
  const created = await services.admin.createAccount({ username, displayName: 'Quản trị hệ thống', role: 'systemAdmin' });
  if (initialPassword === undefined) return { created: true, username, temporaryPassword: created.temporaryPassword };
  await db.update(accounts).set({ passwordHash: await hashPassword(initialPassword) }).where(eq(accounts.id, created.account.id));
  return { created: true, username };
}
