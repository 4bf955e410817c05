/**
 * The real server as a child process (`node src/server/main.ts`) on a free port with a temp
 * DATA_DIR, for crash tests: kill it with any signal (SIGKILL = a crash) and restart it on the
 * same port and data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from './server-app.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export type ServerProcess = {
  url: string;
  dataDir: string;
  /** Sends the signal and resolves with the exit code (null when killed by the signal). */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  restart(): Promise<void>;
  output(): string;
  /** Kills the process if it runs and removes the data dir. */
  dispose(): Promise<void>;
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited early:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

export async function startServerProcess(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const temp = options.dataDir ? undefined : makeTempDir('tusind-dage-proc-');
  const dataDir = options.dataDir ?? temp?.path ?? '';
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess | undefined;

  const start = async () => {
    const proc = spawn(process.execPath, ['src/server/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stdout?.on('data', (chunk) => {
      log += String(chunk);
    });
    proc.stderr?.on('data', (chunk) => {
      log += String(chunk);
    });
    child = proc;
    await waitHealthy(url, proc, () => log);
  };

  const kill = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<number | null>((resolve) => {
      const proc = child;
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) {
        resolve(proc?.exitCode ?? null);
        return;
      }
      proc.once('exit', (code) => resolve(code));
      proc.kill(signal);
    });

  await start();
  return {
    url,
    dataDir,
    kill,
    restart: start,
    output: () => log,
    dispose: async () => {
      await kill('SIGKILL');
      temp?.remove();
    },
  };
}
