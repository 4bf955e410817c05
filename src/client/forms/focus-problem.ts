/**
 * After a refused submit the nurse is taken to the problem: focus moves to the first invalid
 * control (or to a summary of the problems), scrolled to the middle of the screen so neither the
 * sticky top bar nor a sticky save bar covers it. Screen readers announce the focused control with
 * its error (aria-describedby).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

const CONTROL = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

/**
 * Focuses an element and scrolls it to the middle of the viewport (clear of sticky bars), or to
 * the top below the sticky top bar (`start`: html's scroll-padding-top, styles.css).
 */
export function reveal(element: HTMLElement | null, block: 'center' | 'start' = 'center'): void {
  if (!element) return;
  if (!element.matches(CONTROL) && !element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block, inline: 'nearest' });
}

/** Takes the nurse to a section of the page: its heading gets focus, at the top of the screen. */
export function revealSection(id: string): void {
  const section = document.getElementById(id);
  reveal(section?.querySelector<HTMLElement>('h2, h3, legend') ?? section, 'start');
}

/** The control to focus for an invalid field: itself, or the first control in its group or wrapper. */
function controlOf(element: Element): HTMLElement | null {
  if (element.matches(CONTROL)) return element as HTMLElement;
  const inner = element.querySelector<HTMLElement>(CONTROL);
  if (inner) return inner;
  return element instanceof HTMLElement && element.tabIndex >= -1 && element.hasAttribute('tabindex') ? element : null;
}

/** Focuses the first invalid control inside `container`; false when there is none. */
export function focusFirstProblem(container: Element | null): boolean {
  if (!container) return false;
  for (const invalid of container.querySelectorAll('[aria-invalid="true"], .field--invalid')) {
    const control = controlOf(invalid);
    if (control) {
      reveal(control);
      return true;
    }
  }
  return false;
}

/**
 * For forms whose errors render after a state change: `request(container)` focuses the first
 * problem inside `container` once React has committed the render that shows the errors.
 */
export function useFocusProblemAfterRender() {
  const [tick, setTick] = useState(0);
  const target = useRef<Element | null>(null);
  useEffect(() => {
    if (tick === 0) return;
    // The errors may render a frame later (react-hook-form publishes them through its own state).
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      if (!focusFirstProblem(target.current) && ++frames < 10) handle = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [tick]);
  return useCallback((container: Element | null) => {
    target.current = container;
    setTick((n) => n + 1);
  }, []);
}
