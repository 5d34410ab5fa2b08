// The time left of a locked account, as the sign-in screen words it: whole minutes, rounded up.
import { describe, expect, it } from 'vitest';
import { lockEndsAt, minutesLeft } from '../../src-renderer/src/session/LockedNotice';

const locked = (details: unknown) => ({ code: 'AUTH_ACCOUNT_LOCKED' as const, message: 'locked', details });

describe('account lock countdown', () => {
  it('rounds up to whole minutes, at least one while locked, zero once over', () => {
    expect(minutesLeft(900_000, 0)).toBe(15);
    expect(minutesLeft(900_000, 60_000)).toBe(14);
    expect(minutesLeft(61_000, 0)).toBe(2);
    expect(minutesLeft(5_000, 0)).toBe(1);
    expect(minutesLeft(5_000, 5_000)).toBe(0);
    expect(minutesLeft(5_000, 9_000)).toBe(0);
  });

  it('counts from retryAfterSeconds (a duration, immune to a wrong computer clock), else lockedUntil', () => {
    expect(lockEndsAt(locked({ retryAfterSeconds: 840, lockedUntil: '2000-01-01T00:00:00Z' }), 1_000)).toBe(841_000);
    expect(lockEndsAt(locked({ lockedUntil: '2026-05-14T02:30:00.000Z' }), 0)).toBe(Date.parse('2026-05-14T02:30:00.000Z'));
    expect(lockEndsAt(locked({}), 0)).toBeNull();
    expect(lockEndsAt(locked(undefined), 0)).toBeNull();
  });
});
