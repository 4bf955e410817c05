/**
 * `npm start` step 1: builds the client with Vite when dist/ is missing or was built from other
 * sources than those checked out now (after a pull, an edit, a dependency update: see
 * build-stamp.ts), so `npm start` never serves an old build. Does nothing when the build is
 * current; fails with Vite's exit code.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildState } from './build-stamp.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const state = buildState(root);

if (state !== 'fresh') {
  console.log(
    state === 'missing'
      ? 'dist/ is missing: building the app (vite build)…'
      : 'The sources changed since dist/ was built: rebuilding the app (vite build)…',
  );
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
