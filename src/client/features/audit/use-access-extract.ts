/**
 * Loads a family's access extract from the server (online only). The last extract loaded stays
 * shown while a refresh runs or fails (a leader going offline keeps what is on screen, dated by
 * when it was made); a failed load is retried by itself when the device is back online.
 */
import { useCallback, useEffect, useState } from 'react';
import type { AuditResponse } from '../../../shared/admin/views.ts';
import { fetchAccessExtract } from './audit-api.ts';

export type LoadedExtract = { data: AuditResponse; at: Date };
type State = { familyId: string | null; loaded: LoadedExtract | null; loading: boolean; error: unknown };
const none: State = { familyId: null, loaded: null, loading: false, error: null };

export function useAccessExtract(familyId: string | null, online: boolean) {
  const [state, setState] = useState<State>(none);
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` asks for a fresh extract
  useEffect(() => {
    if (familyId === null) return;
    let live = true;
    setState((s) => ({ ...(s.familyId === familyId ? s : { ...none, familyId }), loading: true, error: null }));
    fetchAccessExtract(familyId).then(
      (data) => live && setState({ familyId, loaded: { data, at: new Date() }, loading: false, error: null }),
      (error: unknown) => live && setState((s) => ({ ...s, loading: false, error })),
    );
    return () => {
      live = false;
    };
  }, [familyId, round]);
  const failed = state.error !== null;
  useEffect(() => {
    if (online && failed) setRound((n) => n + 1);
  }, [online, failed]);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  const current = state.familyId === familyId ? state : none;
  return { loaded: current.loaded, loading: current.loading, error: current.error, refresh };
}
