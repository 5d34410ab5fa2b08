// Accounts: forced first-login change, password policy, lockout and its release, admin reset, revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goodPassword, signedInAccount, systemAdmin } from './helpers/org-fixtures';
import { startTestPortal, storageKind, type TestPortal } from './helpers/portal-harness';

let portal: TestPortal;
beforeAll(async () => {
  portal = await startTestPortal();
});
afterAll(async () => {
  await portal?.close();
});

async function newAccount(username: string) {
  return portal.services.admin.createAccount({ username, displayName: 'Hoàng Văn Dũng', role: 'systemAdmin' });
}
const login = (username: string, password: string, headers?: Record<string, string>) =>
  portal.call('POST', '/api/v1/auth/login', { body: { username, password }, ...(headers ? { headers } : {}) });

describe(`accounts (${storageKind})`, () => {
  it('forces a password change at first sign-in: the first session can do nothing else', async () => {
    const created = await newAccount('first.login');
    const first = await login('first.login', created.temporaryPassword);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);

    const refused = await portal.call('GET', '/api/v1/sync/pull', { token: first.body.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    expect(refused.body.error.message).toMatch(/đổi mật khẩu/);

    const weak = await portal.call('POST', '/api/v1/auth/change-password', {
      token: first.body.token,
      body: { currentPassword: created.temporaryPassword, newPassword: 'short' },
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('PASSWORD_POLICY');
    expect(weak.body.error.details.problems).toEqual(expect.arrayContaining(['tooShort', 'tooFewKinds']));

    const withName = await portal.call('POST', '/api/v1/auth/change-password', {
      token: first.body.token,
      body: { currentPassword: created.temporaryPassword, newPassword: 'First.Login-2026' },
    });
    expect(withName.body.error.details.problems).toEqual(['containsUsername']);

    const changed = await portal.call('POST', '/api/v1/auth/change-password', {
      token: first.body.token,
      body: { currentPassword: created.temporaryPassword, newPassword: goodPassword },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.mustChangePassword).toBe(false);
    // The password change ended the old session and handed out a new full one.
    expect((await portal.call('GET', '/api/v1/auth/me', { token: first.body.token })).status).toBe(401);
    expect((await portal.call('GET', '/api/v1/sync/pull', { token: changed.body.token })).status).toBe(200);
    expect((await login('first.login', created.temporaryPassword)).body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    expect((await login('first.login', goodPassword)).body.mustChangePassword).toBe(false);
  });

  it('answers an unknown user exactly like a wrong password, in the caller’s language', async () => {
    const unknown = await login('nobody.here', 'whatever', { 'accept-language': 'en-US,en;q=0.9' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: 'The username or password is not correct.' });
    const vietnamese = await login('nobody.here', 'whatever');
    expect(vietnamese.body.error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
  });

  it('locks the account after 5 wrong passwords for 15 minutes, then lets the right one in', async () => {
    const { username } = await signedInAccount(portal, { role: 'systemAdmin', username: 'lock.me' });
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const wrong = await login(username, `Wrong-Password-${attempt}`);
      expect(wrong.body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    }
    const fifth = await login(username, 'Wrong-Password-5');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(fifth.body.error.details.retryAfterSeconds).toBe(15 * 60);

    // Even the right password is refused while locked.
    portal.clock.advance(14 * 60_000);
    const stillLocked = await login(username, goodPassword);
    expect(stillLocked.body.error.code).toBe('AUTH_ACCOUNT_LOCKED');
    expect(stillLocked.body.error.details.retryAfterSeconds).toBe(60);
    expect(stillLocked.headers.get('retry-after')).toBe('60');

    portal.clock.advance(60_000);
    const released = await login(username, goodPassword);
    expect(released.status).toBe(200);
    // The counter starts again from zero after the window.
    expect((await login(username, 'Wrong-again-1')).body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('lets an administrator reset a lost password with a one-time temporary password', async () => {
    const admin = await systemAdmin(portal);
    const user = await signedInAccount(portal, { role: 'systemAdmin', username: 'forgot.password' });
    for (let i = 0; i < 5; i += 1) await login(user.username, `Not-It-${i}x`);
    expect((await login(user.username, goodPassword)).body.error.code).toBe('AUTH_ACCOUNT_LOCKED');

    const reset = await portal.call('POST', `/api/v1/admin/accounts/${user.accountId}/reset-password`, { token: admin.token });
    expect(reset.status).toBe(200);
    const temporary = reset.body.temporaryPassword as string;
    expect(reset.body.account.mustChangePassword).toBe(true);

    // The reset ended the user's sessions and lifted the lock; the old password is gone.
    expect((await portal.call('GET', '/api/v1/auth/me', { token: user.token })).status).toBe(401);
    expect((await login(user.username, goodPassword)).body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
    const signedIn = await login(user.username, temporary);
    expect(signedIn.body.mustChangePassword).toBe(true);
    expect((await portal.call('GET', '/api/v1/sync/pull', { token: signedIn.body.token })).body.error.code).toBe('AUTH_PASSWORD_CHANGE_REQUIRED');
    const changed = await portal.call('POST', '/api/v1/auth/change-password', {
      token: signedIn.body.token,
      body: { currentPassword: temporary, newPassword: 'Mật-khẩu-Mới-99' },
    });
    expect(changed.status).toBe(200);
    // One time: the temporary password no longer opens the account.
    expect((await login(user.username, temporary)).body.error.code).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('refuses an unused temporary password after it expires', async () => {
    const created = await newAccount('late.starter');
    portal.clock.advance(73 * 3_600_000);
    const late = await login('late.starter', created.temporaryPassword);
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe('AUTH_TEMPORARY_PASSWORD_EXPIRED');
  });

  it('only administrators reset passwords', async () => {
    const user = await signedInAccount(portal, { role: 'systemAdmin', username: 'victim.user' });
    const officerAgency = await portal.services.admin.createAgency({ name: 'Cục', level: 'central' });
    const officer = await signedInAccount(portal, { role: 'officer', agencyId: officerAgency.id });
    const refused = await portal.call('POST', `/api/v1/admin/accounts/${user.accountId}/reset-password`, { token: officer.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('FORBIDDEN');
  });

  it('refuses a token after logout, a made-up token, and an expired session', async () => {
    const user = await signedInAccount(portal, { role: 'systemAdmin' });
    expect((await portal.call('GET', '/api/v1/auth/me', { token: user.token })).status).toBe(200);
    expect((await portal.call('POST', '/api/v1/auth/logout', { token: user.token })).status).toBe(204);
    const revoked = await portal.call('GET', '/api/v1/auth/me', { token: user.token });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.code).toBe('AUTH_REQUIRED');
    expect((await portal.call('GET', '/api/v1/auth/me', { token: 'A'.repeat(43) })).status).toBe(401);
    expect((await portal.call('GET', '/api/v1/auth/me')).status).toBe(401);

    const again = await login(user.username, goodPassword);
    portal.clock.advance(12 * 3_600_000 + 1);
    expect((await portal.call('GET', '/api/v1/auth/me', { token: again.body.token })).status).toBe(401);
  });

  it('stores no password and no token in clear', async () => {
    const user = await signedInAccount(portal, { role: 'systemAdmin' });
    const accounts = JSON.stringify((await portal.database.db.query.accounts.findMany()) ?? []);
    const sessions = JSON.stringify((await portal.database.db.query.sessions.findMany()) ?? []);
    for (const text of [accounts, sessions]) {
      expect(text).not.toContain(goodPassword);
      expect(text).not.toContain(user.token);
    }
    expect(accounts).toContain('$argon2id$');
  });
});
