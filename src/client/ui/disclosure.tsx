/**
 * A button that shows and hides a small panel of links or buttons (the disclosure pattern, not an
 * ARIA menu): the top bar's "Ledelse" and the user's menu. Closes on Escape (focus back on the
 * button), on a tap outside, and when one of its links or buttons is used.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

export function Disclosure(props: { label: ReactNode; ariaLabel?: string; className?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside);
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('pointerdown', outside);
      document.removeEventListener('keydown', onEscape);
    };
  }, [open]);
  return (
    <div className={`disclosure ${props.className ?? ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="disclosure__button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={props.ariaLabel}
        onClick={() => setOpen((o) => !o)}
      >
        {props.label}
        <span className="disclosure__caret" aria-hidden="true" />
      </button>
      {/* A used link or button closes the panel (the click still reaches it first). */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the panel only listens for its own links and buttons */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use of a link or button fires a click too */}
      <div
        id={id}
        className="disclosure__panel"
        hidden={!open}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a, button')) setOpen(false);
        }}
      >
        {props.children}
      </div>
    </div>
  );
}
