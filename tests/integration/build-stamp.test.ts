/**
 * `npm start` rebuilds when the sources changed since the build (scripts/build-stamp.ts), not only
 * when dist/ is missing: a pull must never leave the server serving an old app.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState, sourceHash, writeStamp } from '../../scripts/build-stamp.ts';
import { makeTempDir } from './helpers/server-app.ts';

let dir: ReturnType<typeof makeTempDir>;
const write = (path: string, text: string) => {
  mkdirSync(join(dir.path, path, '..'), { recursive: true });
  writeFileSync(join(dir.path, path), text);
};

beforeEach(() => {
  dir = makeTempDir('tusind-stamp-');
  write('src/client/main.tsx', 'export const a = 1;');
  write('src/shared/rule.ts', 'export const b = 2;');
  write('src/server/main.ts', 'export const server = 1;');
  write('index.html', '<!doctype html>');
  write('package-lock.json', '{}');
});
afterEach(() => dir.remove());

const build = () => {
  write('dist/index.html', '<!doctype html>');
  writeStamp(dir.path);
};

describe('the build stamp', () => {
  it('says missing without a build and fresh right after one', () => {
    expect(buildState(dir.path)).toBe('missing');
    build();
    expect(buildState(dir.path)).toBe('fresh');
  });

  it('says stale after a client, shared, page or lockfile change, and fresh again after a rebuild', () => {
    for (const [file, text] of [
      ['src/client/main.tsx', 'export const a = 2;'],
      ['src/shared/new-rule.ts', 'export const c = 3;'],
      ['index.html', '<!doctype html><title>x</title>'],
      ['package-lock.json', '{"lockfileVersion":3}'],
    ]) {
      build();
      write(file as string, text as string);
      expect(buildState(dir.path), file).toBe('stale');
    }
    build();
    expect(buildState(dir.path)).toBe('fresh');
  });

  it('ignores server-only changes, and treats a build without a stamp (an older version) as stale', () => {
    build();
    const before = sourceHash(dir.path);
    write('src/server/main.ts', 'export const server = 2;');
    expect(sourceHash(dir.path)).toBe(before);
    expect(buildState(dir.path)).toBe('fresh');
    rmSync(join(dir.path, 'dist', '.build-stamp.json'));
    expect(buildState(dir.path)).toBe('stale');
  });
});
