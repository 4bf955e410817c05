/**
 * Who a conflict is with, as the conflict list says it. A conflict holds the author of the change
 * that conflicted; the record's current version names its last writer. The list speaks from the
 * reader's side: the nurse's own change that met a colleague's names the colleague, and two
 * changes by the same nurse (two tablets) say "on another device", never "changed by" herself.
 */
export type ConflictWho =
  | { key: 'byOther'; who: string }
  | { key: 'byBoth'; who: string; other: string }
  | { key: 'sameNurse'; who: string }
  | { key: 'otherDevice' };

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');

/** `author`: who made the conflicting change; `other`: the current version's writer ('' if unknown); `me`: the reader. */
export function conflictWho({ author, other, me }: { author: string; other: string; me: string }): ConflictWho {
  if (other === '' || same(author, other)) {
    if (same(author, me)) return { key: 'otherDevice' };
    return other === '' ? { key: 'byOther', who: author || '–' } : { key: 'sameNurse', who: author };
  }
  if (same(author, me)) return { key: 'byOther', who: other };
  if (same(other, me)) return { key: 'byOther', who: author || '–' };
  return { key: 'byBoth', who: author || '–', other };
}
