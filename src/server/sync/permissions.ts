/**
 * Which roles may write which record kinds. Kinds not listed are writable by every role.
 * Municipality settings are kept by team leaders and admins; nurses read them.
 */
import type { Role } from '../store/accounts.ts';

export const writeRoles: Partial<Record<string, readonly Role[]>> = { settings: ['leader', 'admin'] };

export function mayWrite(role: Role, kind: string): boolean {
  const allowed = writeRoles[kind];
  return allowed === undefined || allowed.includes(role);
}
