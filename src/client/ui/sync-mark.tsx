/** The per-record sync mark on lists: nothing when synced, a labelled dot otherwise. */

import type { SyncState } from '../db/state.ts';
import { useTranslation } from '../i18n/use-translation.ts';

export function SyncMark({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  if (state === 'synced') return null;
  return <span className={`sync-mark sync-mark--${state}`}>{t(`sync.state.${state}`)}</span>;
}
