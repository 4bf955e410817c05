/**
 * The team's export log on the overview (issue 17 §3): who exported what and when, from the server
 * (GET /api/audit/exports, every tablet's synced export events). An export made here is synced at
 * once and then listed; offline the log says it needs the server, the exports themselves still work.
 */
import { useCallback, useEffect, useState } from 'react';
import { type ExportsResponse, exportsResponseSchema } from '../../../shared/admin/views.ts';
import { requestJson } from '../../sync/http.ts';
import { getSession } from '../../sync/session.ts';
import { useEvalT } from './labels.ts';

async function fetchTeamExports(): Promise<ExportsResponse> {
  const session = await getSession();
  return requestJson(
    (input, init) => fetch(input, init),
    '/api/audit/exports',
    { method: 'GET', headers: { authorization: `Bearer ${session?.token ?? ''}` } },
    exportsResponseSchema,
  );
}

type State = { kind: 'loading' } | { kind: 'ready'; data: ExportsResponse } | { kind: 'failed'; offline: boolean };

/** Loads the log, and again whenever `version` changes (after an export here). */
export function ExportsLog({ version }: { version: number }) {
  const { t, language } = useEvalT();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const load = useCallback(async () => {
    try {
      setState({ kind: 'ready', data: await fetchTeamExports() });
    } catch (error) {
      setState({ kind: 'failed', offline: (error as { kind?: string } | null)?.kind === 'network' });
    }
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger
  useEffect(() => {
    void load();
  }, [load, version]);
  const time = (iso: string) =>
    new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'short', timeStyle: 'short' });
  return (
    <div className="eval-export-log">
      <h3 id="eval-export-log">{t('evaluation.exports.logTitle')}</h3>
      {state.kind === 'loading' ? <p className="muted">{t('evaluation.exports.logLoading')}</p> : null}
      {state.kind === 'failed' ? (
        <p className="muted" role="status">
          {state.offline ? t('evaluation.exports.logOffline') : t('evaluation.exports.logFailed')}
        </p>
      ) : null}
      {state.kind === 'ready' && state.data.exports.length === 0 ? (
        <p className="muted">{t('evaluation.exports.logEmpty')}</p>
      ) : null}
      {state.kind === 'ready' && state.data.exports.length > 0 ? (
        <div className="table-scroll">
          <table className="table" aria-labelledby="eval-export-log">
            <thead>
              <tr>
                <th scope="col">{t('evaluation.exports.logWhen')}</th>
                <th scope="col">{t('evaluation.exports.logWho')}</th>
                <th scope="col">{t('evaluation.exports.logWhat')}</th>
              </tr>
            </thead>
            <tbody>
              {state.data.exports.map((e) => (
                <tr key={`${e.at}-${e.what}-${e.user?.id ?? ''}`}>
                  <td>{time(e.at)}</td>
                  <td>{e.user?.displayName ?? '–'}</td>
                  <td>{t(`evaluation.exports.what.${e.what}`, { defaultValue: e.what })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
