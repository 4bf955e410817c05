/**
 * Render in pages, never hide (decision 0073): a long list renders a first page and a "Vis N
 * flere" button that renders the next; the screen keeps showing the total. `usePaged` keeps the
 * number of pages shown until `resetKey` changes (a new filter or search starts at the first page
 * again; a live update of the same list keeps what the nurse opened). After "Vis flere" the focus
 * moves to the first row just shown, so a keyboard or screen reader user reads on from there.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation.ts';

export function usePaged(pageSize: number, resetKey: unknown) {
  const [state, setState] = useState({ key: resetKey, pages: 1, focus: -1 });
  // A new key resets during render (React's pattern for state derived from props), so going back
  // to an earlier filter starts at its first page too.
  const current = Object.is(state.key, resetKey);
  if (!current) setState({ key: resetKey, pages: 1, focus: -1 });
  const limit = (current ? state.pages : 1) * pageSize;
  const listRef = useRef<HTMLUListElement>(null);
  const focus = current ? state.focus : -1;
  useEffect(() => {
    if (focus >= 0) listRef.current?.children[focus]?.querySelector<HTMLElement>('a, button')?.focus();
  }, [focus]);
  const more = () => setState({ key: resetKey, pages: limit / pageSize + 1, focus: limit });
  return { limit, more, listRef };
}

type Props = {
  /** Rows not rendered yet. */
  hidden: number;
  pageSize: number;
  /** What the rows are, for the accessible name when a screen has several lists ("Overskredet"). */
  of?: string;
  onClick: () => void;
};

/** The button under a paged list; renders nothing when every row is shown. */
export function ShowMore({ hidden, pageSize, of, onClick }: Props) {
  const { t } = useTranslation();
  if (hidden <= 0) return null;
  const text = t('app.showMore', { count: Math.min(hidden, pageSize) });
  return (
    <button type="button" className="button show-more" aria-label={of ? `${text}: ${of}` : undefined} onClick={onClick}>
      {text}
    </button>
  );
}
