/**
 * The group process note of a session (domain.md §4): how the group worked, with no personal
 * data, so it is not part of any family's journal. One record per author per session: two
 * facilitators writing offline each keep their own note and never overwrite each other.
 * `personalDataHints` helps the UI warn before saving; it is a reminder, not a filter.
 */
import * as z from 'zod/mini';
import { requiredText } from '../schemas/fields.ts';

export const groupNoteSchema = z.object({
  sessionId: z.uuid(),
  /** The writing facilitator (user display name or id), as on the course. */
  author: requiredText(120),
  text: requiredText(8000),
});

export type GroupNote = z.output<typeof groupNoteSchema>;
export type GroupNoteInput = z.input<typeof groupNoteSchema>;

/** The rule the UI shows beside the text field (i18n key in the "cosp" section). */
export const groupNotePolicy = {
  personalDataAllowed: false,
  reminderKey: 'cosp.groupNoteNoPersonalData',
} as const;

/** The note the author should edit: their own for this session, if they have one (else create). */
export function ownGroupNote<T extends GroupNote & { id: string }>(
  notes: readonly T[],
  sessionId: string,
  author: string,
): T | undefined {
  return notes
    .filter((n) => n.sessionId === sessionId && n.author === author)
    .toSorted((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
}

export type PersonalDataHint = { kind: 'cpr' | 'name'; match: string };

const CPR_LIKE = /\b\d{6}-?\d{4}\b/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Likely personal data in a group note: CPR-like numbers and any part (3+ letters) of the given
 * names (participants, children), matched as whole words, case-insensitive. Sorted, unique.
 */
export function personalDataHints(text: string, names: readonly string[] = []): PersonalDataHint[] {
  const hints = new Map<string, PersonalDataHint>();
  for (const match of text.matchAll(CPR_LIKE)) hints.set(`cpr:${match[0]}`, { kind: 'cpr', match: match[0] });
  const parts = new Set(names.flatMap((name) => name.split(/[\s-]+/)).filter((part) => part.length >= 3));
  for (const part of parts) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(part)}(?![\\p{L}\\p{N}])`, 'iu');
    if (pattern.test(text)) hints.set(`name:${part.toLowerCase()}`, { kind: 'name', match: part });
  }
  return [...hints.entries()].toSorted(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, hint]) => hint);
}
