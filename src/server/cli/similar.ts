/** Team names that are probably the same team spelled differently (for the CLI's warning). */
import { teamKey } from '../store/accounts.ts';

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Existing names within two edits of `name`, or containing it (or contained in it), ignoring case and spaces. */
export function similarNames(name: string, existing: string[]): string[] {
  const key = teamKey(name).replace(/[\s-]/g, '');
  return existing.filter((other) => {
    const k = teamKey(other).replace(/[\s-]/g, '');
    return k !== key && (editDistance(k, key) <= 2 || (key.length >= 4 && (k.includes(key) || key.includes(k))));
  });
}
