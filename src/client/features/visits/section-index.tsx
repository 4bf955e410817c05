/**
 * The visit's section index: one strip, sticky under the top bar, with a link per part of the
 * visit (the record, each section of its template, the journal) and its state — missing (required
 * and empty), empty, not saved (a draft), saved, signed. The long visit page (about 11 screens)
 * is then one tap from any section, by touch or keyboard; the section being read is marked as
 * the current location. The page states behind it come from sectionEntries (section-states.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { revealSection } from '../../forms/focus-problem.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { IndexEntry } from './section-states.ts';

/** Pixels between the strip's bottom and a section heading scrolled to the top. */
const GAP = 12;
/** How long after the nurse's own swipe or touch on the strip it does not move by itself. */
const HANDS_ON_MS = 2000;

export function SectionIndex({ entries }: { entries: IndexEntry[] }) {
  const { t } = useTranslation();
  const nav = useRef<HTMLElement>(null);
  const [top, setTop] = useState(0);
  const [current, setCurrent] = useState<string | null>(null);

  // Sticks below the app's top bar, whatever its height (it wraps on narrow screens), and makes
  // anything scrolled into view stop below the strip too.
  useLayoutEffect(() => {
    const bar = document.querySelector<HTMLElement>('.topbar');
    const root = document.documentElement;
    const before = root.style.scrollPaddingTop;
    const measure = () => {
      const barHeight = bar?.getBoundingClientRect().height ?? 0;
      setTop(barHeight);
      root.style.scrollPaddingTop = `${barHeight + (nav.current?.getBoundingClientRect().height ?? 0) + GAP}px`;
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (bar) observer.observe(bar);
    if (nav.current) observer.observe(nav.current);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = before;
    };
  }, []);

  // The current section: the last one whose top has passed the strip's bottom.
  const ids = entries.map((e) => e.id).join(' ');
  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      const line = (nav.current?.getBoundingClientRect().bottom ?? 0) + GAP * 2;
      let found: string | null = null;
      for (const id of ids.split(' ')) {
        const element = document.getElementById(`section-${id}`);
        if (element && element.getBoundingClientRect().top <= line) found = id;
      }
      setCurrent(found);
    };
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    update();
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [ids]);

  // When the nurse last moved or touched the strip herself, and where the strip's own following
  // last sent it (its scroll event is not hers).
  const handled = useRef({ at: Number.NEGATIVE_INFINITY, followedTo: Number.NaN });
  useEffect(() => {
    const list = nav.current?.querySelector<HTMLElement>('ol');
    if (!list) return;
    const own = handled.current;
    const mark = (event: Event) => {
      if (event.type === 'scroll' && Math.abs(list.scrollLeft - own.followedTo) < 1) return;
      own.at = performance.now();
    };
    const events = ['pointerdown', 'touchstart', 'wheel', 'scroll'] as const;
    for (const name of events) list.addEventListener(name, mark, { passive: true });
    return () => {
      for (const name of events) list.removeEventListener(name, mark);
    };
  }, []);

  // The strip follows the reading: the current section's link is kept in view sideways, except
  // just after the nurse moved or touched the strip: a link she is about to tap does not slide
  // away under her finger when the page scrolls a little (content loading above, a save).
  useEffect(() => {
    const list = nav.current?.querySelector<HTMLElement>('ol');
    const link = current ? list?.querySelector<HTMLElement>(`a[href="#section-${current}"]`) : null;
    if (!list || !link || performance.now() - handled.current.at < HANDS_ON_MS) return;
    const left = link.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft || left + link.offsetWidth > list.scrollLeft + list.clientWidth) {
      const to = Math.max(0, Math.min(left - 24, list.scrollWidth - list.clientWidth));
      handled.current.followedTo = to;
      list.scrollTo({ left: to });
    }
  }, [current]);

  return (
    <nav ref={nav} className="section-index" aria-label={t('visits.index.label')} style={{ top }}>
      <ol className="section-index__list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a
              href={`#section-${entry.id}`}
              className={`section-index__link section-index__link--${entry.state}`}
              aria-current={current === entry.id ? 'location' : undefined}
              onClick={(event) => {
                event.preventDefault();
                revealSection(`section-${entry.id}`);
              }}
            >
              <span className="section-index__mark" aria-hidden="true" />
              {entry.label} <span className="section-index__state">{t(`visits.index.states.${entry.state}`)}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
