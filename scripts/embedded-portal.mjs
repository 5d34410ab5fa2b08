// The reference portal as a child process for `npm start`: starts it, waits for its URL, stops it.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const readyLine = /is running at: (\S+)/;
const STOP_GRACE_MS = 10_000;

/**
 * Starts `portal/src/cli.ts --demo` on a free loopback port with its PGlite data in `dataDir` and
 * resolves once it prints its URL. Each output line is forwarded with the prefix "[portal] "
 * (stdout to `stdout`, stderr to `stderr`). Rejects, with the process ended, when the portal exits
 * first, does not come up within `timeoutMs`, or `signal` is aborted while it is starting.
 *
 * @param {{ dataDir: string, registrySize?: number, port?: number, env?: Record<string, string>,
 *           timeoutMs?: number, signal?: AbortSignal, stdout?: NodeJS.WritableStream, stderr?: NodeJS.WritableStream }} options
 * @returns {Promise<{ url: string, pid: number | undefined, stop: () => Promise<void>, exited: Promise<number | null> }>}
 */
export function startEmbeddedPortal({
  dataDir,
  registrySize = 100_000,
  port = 0,
  env: extraEnv = {},
  timeoutMs = 120_000,
  signal,
  stdout = process.stdout,
  stderr = process.stderr,
}) {
  mkdirSync(dataDir, { recursive: true });
  const env = { ...process.env, ...extraEnv };
  // The embedded portal is the PGlite demo in dataDir, whatever database a shell variable names.
  delete env.DATABASE_URL;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'portal', 'src', 'cli.ts'),
      '--demo',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--registry-size',
      String(registrySize),
    ],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );

  // 'close' rather than 'exit': by then every line the portal wrote has been forwarded.
  const exited = new Promise((done) => {
    child.once('close', (code) => done(code));
    child.once('error', () => done(null));
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  const stop = async () => {
    if (isRunning()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (isRunning()) child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    }
  };

  return new Promise((resolveStart, rejectStart) => {
    let settled = false;
    const recent = [];
    const settle = (error, url) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        void stop().then(() => rejectStart(error));
      } else {
        resolveStart({ url, pid: child.pid, stop, exited });
      }
    };

    const forward = (stream, target, watchReady) => {
      let pending = '';
      stream.setEncoding('utf8');
      const emit = (line) => {
        target.write(`[portal] ${line}\n`);
        recent.push(line);
        if (recent.length > 20) recent.shift();
        const match = watchReady ? readyLine.exec(line) : null;
        if (match) settle(null, match[1]);
      };
      stream.on('data', (text) => {
        pending += text;
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) emit(line.replace(/\r$/, ''));
      });
      stream.on('end', () => {
        if (pending) emit(pending);
        pending = '';
      });
    };
    forward(child.stdout, stdout, true);
    forward(child.stderr, stderr, false);

    const timer = setTimeout(() => {
      settle(
        new Error(
          `The embedded portal did not report its URL within ${timeoutMs / 1000} s ` +
            `(data folder ${dataDir}); it was stopped. Set LABORDESK_PORTAL_URL to use a portal that is already running.`,
        ),
      );
    }, timeoutMs);

    const onAbort = () => settle(new Error('The embedded portal was stopped while it was starting.'));
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });

    child.once('error', (error) => settle(new Error(`The embedded portal could not be started: ${error.message}`)));
    void exited.then((code) => {
      const tail = recent.length ? `\n  last output:\n    ${recent.join('\n    ')}` : '';
      settle(new Error(`The embedded portal exited (code ${code ?? 'signal'}) before it reported its URL.${tail}`));
    });
  });
}
