/**
 * The moment the app's first screen has rendered (after login or unlock, the routed screen's
 * code loaded). Work the first screen does not need — background sync, which loads the sync
 * engine and zod, and the service worker's registration, which downloads the whole precache —
 * waits for it and then for an idle moment, so it neither counts against the first screen's
 * JavaScript budget nor competes with it for the network (docs/decisions/0072-first-screen-budget.md).
 */

export const FIRST_SCREEN_MARK = 'tusind-dage:first-screen';

let shown: () => void = () => undefined;
const firstScreen = new Promise<void>((resolve) => {
  shown = resolve;
});
let marked = false;

/** Called by the layout once its first screen has committed. */
export function markFirstScreen(): void {
  if (marked) return;
  marked = true;
  globalThis.performance?.mark?.(FIRST_SCREEN_MARK);
  shown();
}

const idle = (work: () => void) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1000 });
  else setTimeout(work, 200);
};

/** Runs `work` once the first screen has rendered and the browser is idle. */
export function afterFirstScreen(work: () => void): void {
  void firstScreen.then(() => idle(work));
}
