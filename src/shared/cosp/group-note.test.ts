import { describe, expect, it } from 'vitest';
import { groupNotePolicy, ownGroupNote, personalDataHints } from './group-note.ts';
import { sessionId } from './test-fixtures.ts';

describe('group note', () => {
  it('declares that it holds no personal data, with the reminder key for the UI', () => {
    expect(groupNotePolicy).toEqual({ personalDataAllowed: false, reminderKey: 'cosp.groupNoteNoPersonalData' });
  });

  it("finds each author's own note, so two facilitators never share one", () => {
    const notes = [
      { id: 'b', sessionId: sessionId(1), author: 'Mette Holm', text: 'Rolig gruppe.' },
      { id: 'a', sessionId: sessionId(1), author: 'Lars Berg', text: 'God snak om kapitel 2.' },
      { id: 'c', sessionId: sessionId(2), author: 'Mette Holm', text: 'Kort session.' },
    ];
    expect(ownGroupNote(notes, sessionId(1), 'Mette Holm')?.id).toBe('b');
    expect(ownGroupNote(notes, sessionId(1), 'Ny Kollega')).toBeUndefined();
  });

  it('warns about CPR-like numbers and participant names, as whole words', () => {
    const text = 'Sara (010190-1234) og Jensens søn talte om gruppen. Saras mand var der ikke; 0101901234.';
    expect(personalDataHints(text, ['Sara Jensen', 'Bo'])).toEqual([
      { kind: 'cpr', match: '010190-1234' },
      { kind: 'cpr', match: '0101901234' },
      { kind: 'name', match: 'Sara' },
    ]);
    expect(personalDataHints('Gruppen arbejdede med kapitel 3 og "at være med".', ['Sara Jensen'])).toEqual([]);
    expect(personalDataHints('ØRNSØ var med', ['Ørnsø'])).toEqual([{ kind: 'name', match: 'Ørnsø' }]);
  });
});
