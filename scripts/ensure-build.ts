/**
 * `npm start` step 1: builds the client with Vite when dist/index.html is missing, so a fresh clone
 * starts with one command. Does nothing when a build exists; fails with Vite's exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const index = fileURLToPath(new URL('../dist/index.html', import.meta.url));

if (!existsSync(index)) {
  console.log('dist/index.html is missing: building the app (vite build)…');
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.error) {
    console.error(`Could not run the Vite build: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}
