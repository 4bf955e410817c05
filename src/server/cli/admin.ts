/**
 * The admin CLI process: `npm run --silent admin -- <command> ...` against the database in
 * DATA_DIR (the same configuration as the server). The commands live in admin-commands.ts.
 */
import { ConfigError, parseConfig } from '../config.ts';
import { openStore } from '../store/db.ts';
import { runAdmin } from './admin-commands.ts';
import { processIo } from './terminal.ts';

async function main(): Promise<number> {
  const config = parseConfig(process.env);
  // Files the CLI creates (a first database) are private like the server's.
  process.umask(0o077);
  const store = openStore({ dataDir: config.dataDir, busyTimeoutMs: 30_000 });
  try {
    const output = await runAdmin(process.argv.slice(2), store.db, { io: processIo() });
    for (const line of output.stdout) console.log(line);
    for (const line of output.stderr) console.error(line);
    return output.exitCode;
  } finally {
    store.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Error: ${String(error)}`);
    process.exitCode = 1;
  },
);
