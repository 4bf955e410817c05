import { describe, expect, it } from 'vitest';
import { contactAfterDiscard, visitDiscardProblem } from './visit.ts';

describe('discarding a draft visit', () => {
  it('is refused for a signed visit and for one with a signed journal note', () => {
    expect(visitDiscardProblem({ status: 'kladde' }, [])).toBeNull();
    expect(visitDiscardProblem({ status: 'kladde' }, [{ status: 'kladde' }])).toBeNull();
    expect(visitDiscardProblem({ status: 'underskrevet' }, [])).toBe('signed');
    expect(visitDiscardProblem({ status: 'kladde' }, [{ status: 'underskrevet' }])).toBe('signed-note');
  });

  it('plans the contact again only when it was completed on the visit’s day', () => {
    const visit = { date: '2026-05-12' };
    expect(contactAfterDiscard(visit, { status: 'planlagt', doneDate: '' })).toBeNull();
    expect(contactAfterDiscard(visit, { status: 'gennemfoert', doneDate: '2026-05-12' })).toEqual({
      status: 'planlagt',
      doneDate: '',
    });
    expect(contactAfterDiscard(visit, { status: 'gennemfoert', doneDate: '2026-04-01' })).toBeNull();
    expect(contactAfterDiscard(visit, { status: 'aflyst-af-familien', doneDate: '' })).toBeNull();
  });
});
