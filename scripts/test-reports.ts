/**
 * Reads the test runners' JSON reports for `npm test` (scripts/test-all.ts): the counts, and each
 * failed test as "file > title: first line of the error", so a CI log cut to its last lines still
 * names what failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';

/** A runner's counts, and the failed tests it names ("file > title: first line of the error"). */
export type Counts = { passed: number; failed: number; failures?: string[] };

const firstLine = (text: unknown) =>
  String(text ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colour codes in runners' messages
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim()
    .slice(0, 300) ?? '';

export const vitestCounts = (file: string): Counts => {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: {
      name: string;
      message?: string;
      assertionResults: { fullName: string; status: string; failureMessages: string[] }[];
    }[];
  };
  const failures = report.testResults.flatMap((entry) => {
    const where = relative(process.cwd(), entry.name);
    const failed = entry.assertionResults.filter((a) => a.status === 'failed');
    // A file that failed to load has no failed assertions, only its own message.
    if (failed.length === 0 && entry.message) return [`${where}: ${firstLine(entry.message)}`];
    return failed.map((a) => `${where} > ${a.fullName}: ${firstLine(a.failureMessages[0])}`);
  });
  return { passed: report.numPassedTests, failed: report.numFailedTests, failures };
};

export const playwrightCounts = (file: string): Counts => {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  type Suite = {
    title: string;
    specs: { title: string; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
    suites?: Suite[];
  };
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number };
    suites: Suite[];
    errors?: { message?: string }[];
  };
  const failures: string[] = (report.errors ?? []).map((e) => `playwright: ${firstLine(e.message)}`);
  const walk = (suite: Suite, path: string) => {
    for (const spec of suite.specs) {
      for (const test of spec.tests) {
        if (test.status !== 'unexpected') continue;
        const error = test.results.find((r) => r.error)?.error?.message;
        failures.push(`${path} > ${spec.title}: ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child, `${path} > ${child.title}`);
  };
  for (const suite of report.suites) walk(suite, suite.title);
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected, failures };
};

export const webkitCounts = (file: string): Counts => {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    passed: number;
    failed: number;
    failures?: { name: string; message: string }[];
  };
  const failures = (report.failures ?? []).map((f) => `${f.name}: ${firstLine(f.message)}`);
  return { passed: report.passed, failed: report.failed, failures };
};
