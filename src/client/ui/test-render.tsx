/**
 * For component tests in a happy-dom environment (a test file starting with
 * `// @vitest-environment happy-dom`): renders React into a detached container inside `act`, so
 * effects and state updates have run when the call returns, and clicks or types as a user does.
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export type Rendered = {
  container: HTMLElement;
  rerender: (ui: ReactNode) => Promise<void>;
  unmount: () => Promise<void>;
};

export async function render(ui: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(ui);
  });
  return {
    container,
    rerender: (next) => act(async () => root?.render(next)),
    unmount: async () => {
      await act(async () => root?.unmount());
      container.remove();
    },
  };
}

export const click = (element: Element) => act(async () => (element as HTMLElement).click());

/** Sets an input's value and fires the input event React's onChange listens to. */
export const type = (input: HTMLInputElement, value: string) =>
  act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });

/** The accessible name of a button or link as the tests need it: aria-label, else its text. */
export const accessibleName = (element: Element) =>
  (element.getAttribute('aria-label') ?? element.textContent ?? '').trim();

/** The button whose accessible name matches, or undefined. */
export const button = (root: ParentNode, name: RegExp) =>
  [...root.querySelectorAll('button')].find((b) => name.test(accessibleName(b)));
