/**
 * Real server processes (`npm run serve` / `npm start` entries run through tsx) for the
 * multi-instance and shutdown tests: started with an environment of the test's choosing, ready
 * once their "listening" log line names an address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../support/reference-server-process.mjs';

export interface ServerProcess {
  readonly origin: string;
  readonly api: string;
  readonly pid: number;
  readonly child: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
}

export async function startServerProcess(entry: 'server/serve.ts' | 'server/main.ts', env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  // 'close', not 'exit': by then everything the process printed has been read, so a test can
  // check the last log lines ("stopped", "drained") as soon as this resolves.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start:\n${output}`)), timeoutMs);
    const look = () => {
      const match = /"address":"(http:\/\/[^"]+)"[^\n]*"msg":"listening"/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout!.off('data', look);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited (${code}) before listening:\n${output}`));
    });
  });
  return { origin, api: `${origin}/api/iop/`, pid: child.pid!, child, output: () => output, exited };
}

export async function stopServerProcess(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}

/**
 * The first match of `pattern` in what the process has printed, waiting for it: a line logged after
 * "listening" (the one-time setup link) can come later on a busy machine.
 */
export async function waitForOutput(server: Pick<ServerProcess, 'output'>, pattern: RegExp, timeoutMs = 60_000): Promise<RegExpExecArray | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(server.output());
    if (match || Date.now() > deadline) return match;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
