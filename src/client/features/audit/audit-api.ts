/**
 * The access extract from the server (GET /api/audit, docs/api.md), online only: the signed-in
 * leader's or admin's token, the answer parsed with the shared view schema (the network is
 * untrusted). Errors are SyncHttpError: `kind` network means offline, `code` the API's typed code.
 */
import { type AuditResponse, auditResponseSchema } from '../../../shared/admin/views.ts';
import { requestJson } from '../../sync/http.ts';
import { getSession } from '../../sync/session.ts';

export async function fetchAccessExtract(familyId: string): Promise<AuditResponse> {
  const session = await getSession();
  return requestJson(
    (input, init) => fetch(input, init),
    `/api/audit?familyId=${encodeURIComponent(familyId)}`,
    { method: 'GET', headers: { authorization: `Bearer ${session?.token ?? ''}` } },
    auditResponseSchema,
  );
}

/** The catalogue key of a failed load: offline, or the API's code (another team's family is not found). */
export function extractErrorKey(error: unknown) {
  const e = error as { kind?: string; code?: string } | null;
  if (e?.kind === 'network') return 'accessLog.errors.offline' as const;
  if (e?.kind === 'unauthorized') return 'accessLog.errors.unauthorized' as const;
  if (e?.code === 'forbidden') return 'accessLog.errors.forbidden' as const;
  if (e?.code === 'not_found') return 'accessLog.errors.not_found' as const;
  return 'accessLog.errors.other' as const;
}
