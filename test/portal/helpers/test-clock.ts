// A clock the test moves by hand (lockout windows, session and temporary-password expiry).
import type { Clock } from '../../../portal/src/http/clock';

export class TestClock implements Clock {
  private current: number;
  constructor(start = Date.parse('2026-11-23T08:00:00Z')) {
    this.current = start;
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
