/**
 * Who may administer whom: an admin every team and user; a team leader the nurses and leaders of
 * their own team only, and never an admin (a leader can neither create, promote to, nor change an
 * admin). Nobody disables, demotes or resets themselves (that is how the last admin gets locked
 * out). Users outside the actor's reach are "not found", not "forbidden": a leader learns nothing
 * about other teams.
 */
import { HttpError } from '../http/errors.ts';
import type { Role, UserRow } from '../store/accounts.ts';

export const mayAdminister = (role: Role) => role === 'admin' || role === 'leader';

export function requireAdministrator(actor: UserRow): void {
  if (!mayAdminister(actor.role)) {
    throw new HttpError('forbidden', 'Only leaders and administrators may administer users.');
  }
}

/** The team filter for reads: undefined (all teams) for an admin, the own team for a leader. */
export const teamScope = (actor: UserRow): string | undefined => (actor.role === 'admin' ? undefined : actor.teamId);

export function requireReach(actor: UserRow, target: UserRow | undefined): UserRow {
  if (!target || (actor.role !== 'admin' && target.teamId !== actor.teamId)) {
    throw new HttpError('not_found', 'No such user.');
  }
  if (actor.role !== 'admin' && target.role === 'admin') {
    throw new HttpError('forbidden', 'A leader cannot change an administrator.');
  }
  return target;
}

export function requireTeam(actor: UserRow, teamId: string): void {
  if (actor.role !== 'admin' && teamId !== actor.teamId) throw new HttpError('not_found', 'No such team.');
}

export function requireRoleGrant(actor: UserRow, role: Role): void {
  if (actor.role !== 'admin' && role === 'admin') {
    throw new HttpError('forbidden', 'Only an administrator can make someone an administrator.');
  }
}

export function requireNotSelf(actor: UserRow, target: UserRow, what: string): void {
  if (actor.id === target.id) throw new HttpError('forbidden', `You cannot ${what} your own account.`);
}
