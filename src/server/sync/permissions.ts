/**
 * Which roles may write which record kinds. Kinds not listed are writable by every role; e.g. a
 * future "settings" kind becomes leader/admin-only by adding `settings: ['leader', 'admin']`.
 */
import type { Role } from '../store/accounts.ts';

export const writeRoles: Partial<Record<string, readonly Role[]>> = {};

export function mayWrite(role: Role, kind: string): boolean {
  const allowed = writeRoles[kind];
  return allowed === undefined || allowed.includes(role);
}
