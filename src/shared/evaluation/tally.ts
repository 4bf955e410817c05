/**
 * A count with what is behind it: the number of units (children, visits, enrolments …) and the
 * distinct children and families they concern, so the overview can show children and families
 * apart and open the list behind any figure (drill-down). Ids only: names are looked up by the
 * screen that lists them, never carried in an indicator.
 */
/** One counted unit: a child, or a family (with the children it concerns), a visit … */
export type Unit = { childId?: string; childIds?: readonly string[]; familyId?: string };

export type Tally = {
  /** Units counted (what the indicator counts: children, visits, responses …). */
  n: number;
  /** Distinct children behind the units, sorted. */
  children: string[];
  /** Distinct families behind the units, sorted. */
  families: string[];
};

export const emptyTally = (): Tally => ({ n: 0, children: [], families: [] });

/** Collects units; `done()` gives the tally with sorted, distinct ids. */
export function tallier() {
  let n = 0;
  const children = new Set<string>();
  const families = new Set<string>();
  return {
    add(unit: Unit) {
      n += 1;
      if (unit.childId) children.add(unit.childId);
      for (const id of unit.childIds ?? []) children.add(id);
      if (unit.familyId) families.add(unit.familyId);
    },
    done(): Tally {
      return { n, children: [...children].sort(), families: [...families].sort() };
    },
  };
}

/** Tallies units grouped by a key; every key of `keys` is present (an empty tally when unused). */
export function tallyBy<K extends string, U extends Unit>(
  units: readonly U[],
  keyOf: (unit: U) => K | null,
  keys: readonly K[],
): Record<K, Tally> {
  const groups = new Map<K, ReturnType<typeof tallier>>(keys.map((k) => [k, tallier()]));
  for (const unit of units) {
    const key = keyOf(unit);
    if (key === null) continue;
    let group = groups.get(key);
    if (!group) {
      group = tallier();
      groups.set(key, group);
    }
    group.add(unit);
  }
  return Object.fromEntries([...groups].map(([k, g]) => [k, g.done()])) as Record<K, Tally>;
}

export const tallyOf = <U extends Unit>(units: readonly U[]): Tally => {
  const t = tallier();
  for (const unit of units) t.add(unit);
  return t.done();
};

/** A share in 0..1, or null without a denominator. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
