/** The admin screens' message for a failed call: offline, or the API's typed code, in the catalogue. */
import type { TFunction } from '../../i18n/text-keys.ts';

export function adminErrorText(t: TFunction, error: unknown): string {
  const e = error as { kind?: string; code?: string; details?: unknown } | null;
  if (e?.kind === 'network') return t('admin.errors.offline');
  const known = [
    'weak_password',
    'already_exists',
    'forbidden',
    'not_found',
    'unauthorized',
    'invalid_request',
    'storage_unavailable',
  ] as const;
  const code = known.find((k) => k === e?.code) ?? 'other';
  return t(`admin.errors.${code}`);
}
