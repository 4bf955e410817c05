/** The app recognises the demo team `npm run demo` makes (src/shared/sync/demo-team.ts). */
import { describe, expect, it } from 'vitest';
import { DEMO_TEAM, DEMO_USERNAME } from '../../src/server/cli/admin-commands.ts';
import { DEMO_TEAM_NAME, isDemoUser, DEMO_USERNAME as SHARED_USERNAME } from '../../src/shared/sync/demo-team.ts';

describe('the demo team', () => {
  it('is named as the demo command names it', () => {
    expect(DEMO_TEAM_NAME).toBe(DEMO_TEAM);
    expect(SHARED_USERNAME).toBe(DEMO_USERNAME);
  });

  it('is known by the team name when the login carries it, else by the demo account', () => {
    expect(isDemoUser({ username: 'mette', teamName: 'Demo (fiktive data)' })).toBe(true);
    expect(isDemoUser({ username: 'demo', teamName: 'Sundhedsplejen Jammerbugt' })).toBe(false);
    expect(isDemoUser({ username: 'demo' })).toBe(true);
    expect(isDemoUser({ username: 'mette' })).toBe(false);
  });
});
