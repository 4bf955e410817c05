// @vitest-environment happy-dom
/** A section's save that fails to write says so in Danish, and a later save that works clears it. */
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadScreenTexts } from '../i18n/i18n.ts';
import { button, click, type Rendered, render } from '../ui/test-render.tsx';
import { useSaveAttempt } from './save-attempt.tsx';

let view: Rendered;
beforeAll(() => loadScreenTexts());
afterEach(() => view.unmount());

function Section({ save }: { save: () => Promise<void> }) {
  const { attempt, message } = useSaveAttempt();
  return (
    <div>
      <button type="button" onClick={attempt(save)}>
        Gem målinger
      </button>
      {message}
    </div>
  );
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
const alertText = () => view.container.querySelector('[role="alert"]')?.textContent;

describe('useSaveAttempt', () => {
  it('shows why a write failed, and clears it when the next save works', async () => {
    let fail = true;
    const save = async () => {
      if (fail) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    view = await render(<Section save={save} />);
    expect(alertText()).toBeUndefined();
    const gem = button(view.container, /Gem målinger/);
    if (!gem) throw new Error('no save button');
    await click(gem);
    await settle();
    expect(alertText()).toBe('Kunne ikke gemme: The quota has been exceeded. Intet er tabt – prøv igen.');
    fail = false;
    await click(gem);
    await settle();
    expect(alertText()).toBeUndefined();
  });
});
