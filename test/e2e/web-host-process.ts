// The built web host as a child process for e2e specs that need one of their own (vault, offline).
import { spawn, type ChildProcess } from 'node:child_process';

/** Starts `out/main/web-host.js` with `args` and resolves once it says where it is running. */
export async function startWebHostProcess(args: string[], token: string, env: NodeJS.ProcessEnv = process.env): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['out/main/web-host.js', ...args], {
    env: { ...env, LABORDESK_WEB_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running at')) resolve();
    });
  });
  return child;
}

/** SIGTERM, and resolves once the process has gone. */
export async function stopWebHostProcess(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
