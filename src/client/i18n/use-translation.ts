/** The hook screens translate with: `const { t, i18n } = useTranslation()`; re-renders on a change of language. */
import { useSyncExternalStore } from 'react';
import { i18n } from './i18n.ts';
import type { TFunction } from './text-keys.ts';

export function useTranslation(): { t: TFunction; i18n: typeof i18n } {
  const t = useSyncExternalStore(i18n.subscribe, () => i18n.t);
  return { t, i18n };
}
