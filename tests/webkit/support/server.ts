/**
 * The real app server for the WebKit suite: what `npm start` runs (scripts/ensure-build.ts, then
 * src/server/main.ts), on a fresh DATA_DIR, with the account created by the real admin CLI. The
 * suite holds the server's own PID so it can stop it (the tablet goes "offline": WebKit has no
 * offline switch) and start it again on the same port and data.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..', '..', '..');

export const WEBKIT_USER = {
  username: 'mette',
  password: 'rugbroed-med-ost',
  name: 'Mette Sundhedsplejerske',
  team: 'Jammerbugt',
  // A leader sees every item of the top bar (Indstillinger): the longest navigation.
  role: 'leader',
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AppServer {
  readonly port: number;
  readonly dataDir: string;
  private child: ChildProcess | null = null;
  private stderr = '';

  constructor(port: number) {
    this.port = port;
    this.dataDir = mkdtempSync(join(tmpdir(), 'tusind-webkit-'));
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Builds the app when dist/ is missing, as `npm start` does. */
  static ensureBuild() {
    const result = spawnSync(process.execPath, ['scripts/ensure-build.ts'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`scripts/ensure-build.ts failed with exit code ${result.status}`);
  }

  createUser(user: typeof WEBKIT_USER = WEBKIT_USER) {
    const args = ['create-user', '--username', user.username, '--password', user.password];
    args.push('--team', user.team, '--name', user.name, '--role', user.role);
    const result = spawnSync(process.execPath, ['src/server/cli/admin.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: this.dataDir },
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`create-user ${user.username} failed: ${result.stderr}${result.stdout}`);
  }

  async start(timeoutMs = 30_000) {
    if (this.child) throw new Error('the server is already running');
    this.stderr = '';
    const child = spawn(process.execPath, ['src/server/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString();
    });
    this.child = child;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${this.stderr}`);
      if (await this.healthy()) return;
      await sleep(100);
    }
    throw new Error(`the server did not answer /api/health within ${timeoutMs} ms: ${this.stderr}`);
  }

  async healthy() {
    try {
      return (await fetch(`${this.baseUrl}/api/health`)).ok;
    } catch {
      return false;
    }
  }

  /** SIGTERM to the server's own PID; waits until it has exited and the port refuses connections. */
  async stop(timeoutMs = 10_000) {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    }
    while (await this.healthy()) await sleep(50);
  }

  /** Logs in over the API as the user; returns the bearer token. */
  async login(user: typeof WEBKIT_USER = WEBKIT_USER): Promise<string> {
    const response = await fetch(`${this.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: user.password }),
    });
    if (!response.ok) throw new Error(`API login failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { token: string }).token;
  }

  /** Every record of the user's team, through /api/sync/pull page by page (latest state of each). */
  async pullAll(token: string): Promise<PulledRecord[]> {
    const records: PulledRecord[] = [];
    let since = '0';
    for (;;) {
      const response = await fetch(`${this.baseUrl}/api/sync/pull?since=${since}&limit=1000`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw new Error(`pull failed: ${response.status} ${await response.text()}`);
      const page = (await response.json()) as { changes: PulledRecord[]; nextSince: string; hasMore: boolean };
      records.push(...page.changes);
      since = page.nextSince;
      if (!page.hasMore) return records;
    }
  }

  async dispose() {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export type PulledRecord = {
  kind: string;
  id: string;
  rev: number;
  deleted: boolean;
  data: Record<string, unknown>;
};
