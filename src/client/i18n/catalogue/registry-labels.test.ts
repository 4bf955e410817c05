/**
 * Every record kind of the registry has a name, and every rejection code of the protocol a Danish
 * and an English explanation: the conflict view and "Kræver handling" never show a raw key.
 */
import { describe, expect, it } from 'vitest';
import { recordKinds, registry } from '../../../shared/schemas/kinds.ts';
import { rejectionCodes } from '../../../shared/sync/protocol.ts';
import { screensDa } from './da/screens.ts';
import { da } from './da.ts';
import { screensEn } from './en/screens.ts';
import { en } from './en.ts';

const at = (catalogue: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);

describe.each([
  ['da', da, screensDa],
  ['en', en, screensEn],
])('the %s catalogue', (_language, core, screens) => {
  it('names every kind of the registry (on the screens that show kinds: needs attention, conflicts)', () => {
    const missing = recordKinds.filter((kind) => typeof at(screens, registry[kind].labelKey) !== 'string');
    expect(missing).toEqual([]);
  });

  it('keeps kind names and validation texts out of the first screen’s core catalogue', () => {
    expect(Object.keys(core)).not.toContain('kinds');
    expect(Object.keys(core)).not.toContain('validation');
  });

  it('explains every rejection code', () => {
    const missing = rejectionCodes.filter((code) => typeof at(screens, `attention.reasons.${code}`) !== 'string');
    expect(missing).toEqual([]);
  });
});
