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

/**
 * Records that are final once signed (journal rules, domain.md §6): a signed visit, observation,
 * instrument response, journal note or COS-P reflection is never changed or deleted; corrections
 * are new records that point to it.
 */
const signedKinds = new Set(['visit', 'observation', 'instrumentResponse', 'journalNote', 'cospFamilyReflection']);

export function isFinal(kind: string, data: Record<string, unknown>): boolean {
  return signedKinds.has(kind) && data.status === 'underskrevet';
}
