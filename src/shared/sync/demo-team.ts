/**
 * The demo team made by `npm run demo` (src/server/cli/admin-commands.ts): fictional data only,
 * and the app must say so on every screen. The client knows the signed-in user; the team's name
 * when the login answer carries it (`teamName`, optional in the contract), else the demo
 * account's username, which the demo command creates in the demo team alone.
 */
export const DEMO_TEAM_NAME = 'Demo (fiktive data)';
export const DEMO_USERNAME = 'demo';

export function isDemoUser(user: { username: string; teamName?: string | undefined }): boolean {
  if (user.teamName !== undefined)
    return user.teamName.trim().toLocaleLowerCase('da') === DEMO_TEAM_NAME.toLocaleLowerCase('da');
  return user.username.trim().toLowerCase() === DEMO_USERNAME;
}
