/**
 * Runs in the page (Playwright's evaluate, WebDriver's executeScript): are the top bar's controls
 * (links, buttons, selects, the network status) on one row and all inside the viewport? Returns what
 * is off, or null. With `rowOf` (a selector, e.g. 'nav') only that part must be one row, as on a
 * portrait tablet where the navigation has a row of its own.
 */
export function topBarProblemInPage(bar: Element, rowOf?: string | null): string | null {
  const controls = (root: Element) =>
    [...root.querySelectorAll('a, button, select, output')]
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({
        name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(),
        rect: el.getBoundingClientRect(),
      }));
  const all = controls(bar);
  if (all.length === 0) return 'no controls in the top bar';
  const outside = all.filter((b) => b.rect.left < -0.5 || b.rect.right > window.innerWidth + 0.5);
  if (outside.length > 0) return `outside the viewport: ${outside.map((b) => b.name).join(', ')}`;
  const scope = rowOf ? bar.querySelector(rowOf) : bar;
  if (!scope) return `no ${rowOf} in the top bar`;
  const row = controls(scope);
  const centres = row.map((b) => b.rect.top + b.rect.height / 2);
  if (Math.max(...centres) - Math.min(...centres) > 6) {
    return `more than one row: ${row.map((b) => `${b.name} at y=${Math.round(b.rect.top)}`).join(', ')}`;
  }
  return null;
}

/**
 * Runs in the page: how a control is drawn. `appearance` 'none' means the app's colours apply (a
 * WebKit select with its native look ignores them); `opaque` that its background is a colour of its
 * own; `contrast` the WCAG ratio of its text colour on that background.
 */
export function selectLookInPage(el: Element): { appearance: string; opaque: boolean; contrast: number } {
  const style = getComputedStyle(el);
  const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
    const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const text = rgba(style.color);
  const background = rgba(style.backgroundColor);
  const [light, dark] = [luminance(text), luminance(background)].sort((a, b) => b - a) as [number, number];
  return {
    appearance: style.appearance || style.getPropertyValue('-webkit-appearance'),
    opaque: background.length === 3 || background[3] === 1,
    contrast: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
  };
}
