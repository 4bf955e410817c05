/**
 * Caseload search as you type: every word typed must occur in the family's name, address or one of
 * its children's names or CPR numbers (case- and accent-insensitive, so "sore" finds "Søren").
 */
const fold = (text: string) =>
  text
    .toLocaleLowerCase('da')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');

export type Searchable = { id: string; text: string };

export function searchIndex(id: string, parts: string[]): Searchable {
  return { id, text: fold(parts.join(' ')) };
}

export function matches(entry: Searchable, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((word) => entry.text.includes(word.replace(/-/g, '')) || entry.text.includes(word));
}
