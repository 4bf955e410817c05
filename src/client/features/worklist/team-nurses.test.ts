import { describe, expect, it } from 'vitest';
import { teamNurses } from './team-nurses.ts';

const visit = (signedBy: string, nurse: string) => ({
  data: { signedBy, participants: [{ role: 'sundhedsplejerske' as const, name: nurse }] },
});

describe('teamNurses', () => {
  it('lists every nurse the caseload names, also those with no visits planned, each once and sorted', () => {
    const names = teamNurses({
      me: 'Mette Sundhedsplejerske',
      families: [{ data: { tovholder: 'Birte Lund' }, updatedBy: 'Hanne Krog' }],
      contacts: [{ data: { nurse: ' birte lund ' } }, { data: { nurse: '' }, updatedBy: 'Mette Sundhedsplejerske' }],
      visits: [visit('Åse Holm', 'Ole Vikar'), visit('', '')],
    });
    expect(names).toEqual(['Birte Lund', 'Hanne Krog', 'Ole Vikar', 'Åse Holm']);
  });

  it('leaves out the signed-in user (the filter offers her as "Mine")', () => {
    expect(teamNurses({ me: 'Hanne', families: [{ data: { tovholder: 'hanne' } }], contacts: [], visits: [] })).toEqual(
      [],
    );
  });
});
