import { describe, expect, it } from 'vitest';
import { conflictWho } from './conflict-wording.ts';

describe('conflictWho', () => {
  it('names the colleague, never the reader herself', () => {
    expect(conflictWho({ author: 'Hanne', other: 'Mette', me: 'Hanne' })).toEqual({ key: 'byOther', who: 'Mette' });
    expect(conflictWho({ author: 'Hanne', other: 'Mette', me: 'Mette' })).toEqual({ key: 'byOther', who: 'Hanne' });
  });

  it('says "another device" when both changes are the reader’s own (two tablets)', () => {
    expect(conflictWho({ author: 'Mette', other: 'mette ', me: 'Mette' })).toEqual({ key: 'otherDevice' });
    expect(conflictWho({ author: 'Mette', other: '', me: 'Mette' })).toEqual({ key: 'otherDevice' });
  });

  it('names both for a leader reading two colleagues’ conflict, or one colleague on two tablets', () => {
    expect(conflictWho({ author: 'Hanne', other: 'Mette', me: 'Birte' })).toEqual({
      key: 'byBoth',
      who: 'Hanne',
      other: 'Mette',
    });
    expect(conflictWho({ author: 'Hanne', other: 'Hanne', me: 'Birte' })).toEqual({ key: 'sameNurse', who: 'Hanne' });
  });
});
