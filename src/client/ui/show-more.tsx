/**
 * Render in pages, never hide (decision 0073): a long list renders a first page and a "Vis N
 * flere" button that renders the next; the screen keeps showing the total. `usePaged` keeps the
 * rows shown until `resetKey` changes (a new filter or search starts at the first page again; a
 * live update of the same list keeps what the nurse opened). After "Vis flere" the focus moves to
 * the first row just shown, so a keyboard or screen reader user reads on from there.
 */
import { useEffect, useRef, useState } from 'react';
import type { TFunction } from '../i18n/text-keys.ts';

type Paging = {
  /** The screen's translator (passed in: importing i18n here would pull it into the first screen's helper chunk). */
  t: TFunction;
  /** Rows in the list, rendered or not. */
  total: number;
  pageSize: number;
  /** What the rows are, for the button's accessible name ("Vis 50 flere: Overskredet"). */
  of: string;
  resetKey: unknown;
};

/** How many rows to render, the list's ref (for the focus) and the "Vis N flere" button (null when all are shown). */
export function usePaged({ t, total, pageSize, of, resetKey }: Paging) {
  const [state, setState] = useState({ key: resetKey, limit: pageSize });
  // A new key resets during render (React's pattern for state derived from props), so going back
  // to an earlier filter starts at its first page too.
  const current = state.key === resetKey;
  if (!current) setState({ key: resetKey, limit: pageSize });
  const limit = current ? state.limit : pageSize;
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => {
    if (limit > pageSize) listRef.current?.children[limit - pageSize]?.querySelector('a')?.focus();
  }, [limit, pageSize]);
  const text = total > limit && t('app.showMore', { count: Math.min(total - limit, pageSize) });
  const button = text && (
    <button
      type="button"
      className="button"
      aria-label={`${text}: ${of}`}
      onClick={() => setState({ key: resetKey, limit: limit + pageSize })}
    >
      {text}
    </button>
  );
  return { limit, listRef, button };
}
