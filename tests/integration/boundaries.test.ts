/**
 * The dependency rules (.dependency-cruiser.cjs) catch what a string pattern would let through: a
 * feature importing another feature or the app by a relative path, shared code importing the
 * client, and an import cycle. The fixture tree mirrors src/ and breaks each rule once.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const config = require(join(root, '.dependency-cruiser.cjs')) as { forbidden: unknown[]; options: object };

async function violations(baseDir: string): Promise<string[]> {
  const result = await cruise(['src'], {
    ...config.options,
    tsConfig: undefined,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  } as never);
  const output = result.output as { summary: { violations: { rule: { name: string }; from: string; to: string }[] } };
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

it('refuses cross-feature, feature-to-app, shared-to-client imports and cycles', async () => {
  const found = await violations(join(root, 'tests', 'fixtures', 'boundaries'));
  expect(found).toEqual(
    expect.arrayContaining([
      'feature-isolation: src/client/features/visits/reaches-across.ts -> src/client/features/cosp/other.ts',
      'features-not-app: src/client/features/visits/reaches-across.ts -> src/client/app/paths.ts',
      'shared-is-isomorphic: src/shared/imports-client.ts -> src/client/features/cosp/other.ts',
    ]),
  );
  expect(found.some((v) => v.startsWith('no-circular: src/shared/cycle/'))).toBe(true);
});

it('the real source tree keeps every rule', async () => {
  expect(await violations(root)).toEqual([]);
}, 30_000);
