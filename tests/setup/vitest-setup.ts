/**
 * Strict tests: an unexpected console.error or console.warn fails the test that caused it
 * (style.md habit 11). IndexedDB is the in-memory fake, fresh per test file.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, vi } from 'vitest';

let problems: string[] = [];

beforeEach(() => {
  problems = [];
  for (const level of ['error', 'warn'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      problems.push(`console.${level}: ${args.map(String).join(' ')}`);
    });
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  if (problems.length > 0) throw new Error(`Unexpected console output:\n${problems.join('\n')}`);
});
