// When to sync: at start, shortly after each commit, every minute, on "Sync now"; after a failure,
// exponential backoff with jitter up to 5 minutes. One run at a time.
import type { RunResult } from './sync-engine';

export interface SchedulerTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  periodMs: number;
  debounceMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const defaultSchedulerOptions: SchedulerOptions = {
  periodMs: 60_000,
  debounceMs: 1_500,
  backoffBaseMs: 2_000,
  backoffMaxMs: 5 * 60_000,
};

export interface SchedulerDeps {
  run(): Promise<RunResult>;
  /** Called when a run starts or ends and when the next attempt is planned. */
  onChange(): void;
  now(): number;
  random(): number;
  timers: SchedulerTimers;
}

const nodeTimers: SchedulerTimers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A planned sync must not keep a finished process (tests, CLI) alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class SyncScheduler {
  private running: Promise<RunResult> | null = null;
  private again = false;
  private failures = 0;
  private timer: unknown = null;
  private stopped = true;
  private lastResult: RunResult | null = null;
  nextAttemptAt: number | null = null;

  constructor(
    private readonly deps: Omit<SchedulerDeps, 'timers'> & { timers?: SchedulerTimers },
    private readonly options: SchedulerOptions = defaultSchedulerOptions,
  ) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  get last(): RunResult | null {
    return this.lastResult;
  }

  start(): void {
    this.stopped = false;
    this.plan(0);
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
    this.nextAttemptAt = null;
  }

  /** Resolves once no run is in progress (so the store can be closed under it safely). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /** After a local commit: sync soon, once, however many commits come in the meantime. */
  nudge(): void {
    if (this.stopped) return;
    if (this.failures > 0) return; // backing off: the planned retry will carry the new work too
    if (this.nextAttemptAt === null || this.nextAttemptAt > this.deps.now() + this.options.debounceMs) this.plan(this.options.debounceMs);
  }

  /** "Sync now": joins the running sync or starts one, and resolves when a run that began after the call ends. */
  async runNow(): Promise<RunResult> {
    this.failures = 0;
    if (this.running) {
      this.again = true;
      await this.running.catch(() => undefined);
      if (this.running) return this.running;
    }
    return this.launch();
  }

  private launch(): Promise<RunResult> {
    this.clearTimer();
    this.nextAttemptAt = null;
    const run = (async () => {
      try {
        return await this.deps.run();
      } finally {
        this.running = null;
      }
    })();
    this.running = run;
    this.deps.onChange();
    void run.then(
      (result) => this.finished(result),
      () => this.finished({ outcome: 'error', error: { code: 'INTERNAL_ERROR', message: '' }, pushed: 0, applied: 0, rejected: 0, pulled: 0 }),
    );
    return run;
  }

  private finished(result: RunResult): void {
    this.lastResult = result;
    if (result.outcome === 'auth') {
      // The session is gone: nothing to retry until the user signs in again.
      this.stop();
    } else if (this.stopped) {
      // signed out meanwhile
    } else if (this.again) {
      this.again = false;
      this.plan(0);
    } else if (result.outcome === 'ok') {
      this.failures = 0;
      this.plan(this.options.periodMs);
    } else {
      this.failures += 1;
      this.plan(this.backoff());
    }
    this.deps.onChange();
  }

  /** Full jitter between half and all of base·2^(n-1), capped at the maximum. */
  private backoff(): number {
    const ceiling = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (this.failures - 1));
    return Math.round(ceiling / 2 + (this.deps.random() * ceiling) / 2);
  }

  private plan(ms: number): void {
    if (this.stopped) return;
    this.clearTimer();
    this.nextAttemptAt = this.deps.now() + ms;
    const timers = this.deps.timers ?? nodeTimers;
    this.timer = timers.setTimeout(() => {
      this.timer = null;
      if (this.running) {
        this.again = true;
        return;
      }
      void this.launch();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) (this.deps.timers ?? nodeTimers).clearTimeout(this.timer);
    this.timer = null;
  }
}
