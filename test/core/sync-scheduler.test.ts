// The sync scheduler's timing rules, on a manual clock: start, debounce, period, backoff with jitter, one run at a time.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../src-main/core/sync/sync-engine';
import { SyncScheduler, type SchedulerTimers } from '../../src-main/core/sync/sync-scheduler';

class ManualTimers implements SchedulerTimers {
  now = 0;
  private next = 1;
  private readonly pending = new Map<number, { at: number; callback: () => void }>();
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { at: this.now + ms, callback });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** The delay until the next planned callback. */
  nextDelay(): number | null {
    const times = [...this.pending.values()].map((t) => t.at - this.now);
    return times.length ? Math.min(...times) : null;
  }
  async advance(ms: number): Promise<void> {
    const until = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.now = until;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const outcome = (o: RunResult['outcome']): RunResult => ({ outcome: o, error: null, pushed: 0, applied: 0, rejected: 0, pulled: 0 });

function setup(outcomes: RunResult['outcome'][], random = () => 0.5) {
  const timers = new ManualTimers();
  const runs: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let release: (() => void) | null = null;
  let hold = false;
  const scheduler = new SyncScheduler(
    {
      run: async () => {
        runs.push(timers.now);
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        if (hold) await new Promise<void>((resolve) => (release = resolve));
        inFlight -= 1;
        return outcome(outcomes.shift() ?? 'ok');
      },
      onChange: () => {},
      now: () => timers.now,
      random,
      timers,
    },
    { periodMs: 60_000, debounceMs: 1_500, backoffBaseMs: 2_000, backoffMaxMs: 300_000 },
  );
  return { timers, scheduler, runs, maxInFlight: () => maxInFlight, hold: (on: boolean) => (hold = on), release: () => release?.() };
}

describe('sync scheduler', () => {
  it('syncs at start and then every 60 s while things go well', async () => {
    const { timers, scheduler, runs } = setup([]);
    scheduler.start();
    await timers.advance(0);
    expect(runs).toEqual([0]);
    await timers.advance(60_000);
    await timers.advance(60_000);
    expect(runs).toEqual([0, 60_000, 120_000]);
  });

  it('debounces commits into one run soon after them', async () => {
    const { timers, scheduler, runs } = setup([]);
    scheduler.start();
    await timers.advance(0);
    await timers.advance(10_000);
    for (let i = 0; i < 5; i += 1) scheduler.nudge();
    await timers.advance(1_500);
    expect(runs).toEqual([0, 11_500]);
    await timers.advance(60_000);
    expect(runs).toEqual([0, 11_500, 71_500]);
  });

  it('backs off exponentially with jitter after failures, caps at 5 minutes, and resets after a success', async () => {
    const failures = Array<RunResult['outcome']>(12).fill('offline');
    const { timers, scheduler } = setup([...failures, 'ok'], () => 1);
    scheduler.start();
    await timers.advance(0);
    const delays: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const delay = timers.nextDelay()!;
      delays.push(delay);
      await timers.advance(delay);
    }
    expect(delays.slice(0, 6)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 64_000]);
    expect(Math.max(...delays)).toBe(300_000);
    expect(timers.nextDelay()).toBe(60_000);
  });

  it('keeps the jitter between half and all of the backoff', async () => {
    const low = setup(['offline', 'offline', 'offline'], () => 0);
    low.scheduler.start();
    await low.timers.advance(0);
    expect(low.timers.nextDelay()).toBe(1_000);
    await low.timers.advance(1_000);
    expect(low.timers.nextDelay()).toBe(2_000);
  });

  it('runs one sync at a time: "Sync now" during a run waits for it and then runs once more', async () => {
    const s = setup([]);
    s.hold(true);
    s.scheduler.start();
    await s.timers.advance(0);
    const first = s.scheduler.runNow();
    const second = s.scheduler.runNow();
    s.hold(false);
    s.release();
    await Promise.all([first, second]);
    await s.timers.advance(0);
    expect(s.maxInFlight()).toBe(1);
    expect(s.runs.length).toBe(2);
  });

  it('stops retrying when the session is refused, until started again', async () => {
    const { timers, scheduler, runs } = setup(['auth']);
    scheduler.start();
    await timers.advance(0);
    await timers.advance(600_000);
    expect(runs).toEqual([0]);
    expect(timers.nextDelay()).toBeNull();
  });
});
