/**
 * Whether dist/ is the build of the sources as they are now. The build writes a stamp
 * (dist/.build-stamp.json) with a hash of everything that goes into the client bundle; `npm start`
 * (ensure-build.ts) rebuilds when the stamp is missing or the sources hash differently, e.g. after
 * a `git pull`. A content hash, not mtimes: a checkout or a copy changes mtimes without changing
 * the build, and an edit within the same second must still count.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const STAMP_FILE = '.build-stamp.json';

/** What the client build reads (relative to the repository root). */
export const BUILD_INPUTS = [
  'src/client',
  'src/shared',
  'public',
  'index.html',
  'vite.config.ts',
  'package.json',
  'package-lock.json',
] as const;

function filesOf(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesOf(root, join(path, name)));
}

/** A hash of the build inputs' paths and contents (test files included: cheap, and never wrong). */
export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) {
    for (const file of filesOf(root, input)) {
      hash.update(relative(root, join(root, file)).split(sep).join('/'));
      hash.update('\0');
      hash.update(readFileSync(join(root, file)));
      hash.update('\0');
    }
  }
  return hash.digest('hex');
}

export function writeStamp(root: string, distDir = join(root, 'dist')): void {
  writeFileSync(join(distDir, STAMP_FILE), `${JSON.stringify({ sourceHash: sourceHash(root) })}\n`);
}

export type BuildState = 'missing' | 'stale' | 'fresh';

/** missing: no build; stale: built from other sources (or by a version without stamps); fresh. */
export function buildState(root: string, distDir = join(root, 'dist')): BuildState {
  if (!existsSync(join(distDir, 'index.html'))) return 'missing';
  try {
    const stamp = JSON.parse(readFileSync(join(distDir, STAMP_FILE), 'utf8')) as { sourceHash?: unknown };
    return stamp.sourceHash === sourceHash(root) ? 'fresh' : 'stale';
  } catch {
    return 'stale';
  }
}
