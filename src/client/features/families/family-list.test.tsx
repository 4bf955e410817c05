// @vitest-environment happy-dom
/**
 * The caseload list in pages (decision 0073): the first page of the sorted families, the count of
 * every match, "Vis N flere" up to the last family, and typing starts again at the first page.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadScreenTexts } from '../../i18n/i18n.ts';
import { button, click, type Rendered, render, type } from '../../ui/test-render.tsx';
import { FamilyList, type FamilyRow } from './family-list.tsx';
import { FAMILY_PAGE_SIZE } from './page-size.ts';

// 120 families; the 60 with an even number live on Søvej, the others on Bakken.
const families: FamilyRow[] = Array.from({ length: 120 }, (_, n) => ({
  id: `f${n}`,
  sync: 'synced',
  data: {
    name: `Familien ${String(n).padStart(3, '0')}`,
    address: n % 2 === 0 ? `Søvej ${n}` : `Bakken ${n}`,
    status: 'aktiv',
    tovholder: 'Hanne',
  } as FamilyRow['data'],
  caregivers: [],
  children: [],
}));

let view: Rendered;
beforeAll(() => loadScreenTexts());
afterEach(() => view.unmount());

const cards = () => [...view.container.querySelectorAll('.family-list > li')];
const names = () => cards().map((li) => li.querySelector('.family-card__name')?.textContent);
const count = () => view.container.querySelector('[aria-live]')?.textContent;
const search = () => view.container.querySelector('#family-search') as HTMLInputElement;

describe('FamilyList paging', () => {
  it('renders the first page with the total count, and "Vis flere" up to every family', async () => {
    expect(FAMILY_PAGE_SIZE).toBe(50);
    view = await render(<FamilyList families={families} familyHref={(id) => `/familier/${id}`} />);
    expect(cards()).toHaveLength(50);
    expect(names()[0]).toBe('Familien 000');
    expect(count()).toBe('120 familier');
    // The accessible name starts with the visible text (WCAG 2.5.3) and says what is shown more of.
    expect(button(view.container, /^Vis 50 flere: Familier$/)?.textContent).toBe('Vis 50 flere');
    await click(button(view.container, /^Vis 50 flere: Familier$/) as Element);
    expect(cards()).toHaveLength(100);
    expect(document.activeElement?.textContent).toBe('Familien 050');
    await click(button(view.container, /^Vis 20 flere: Familier$/) as Element);
    expect(cards()).toHaveLength(120);
    expect(names().at(-1)).toBe('Familien 119');
    expect(button(view.container, /Vis/)).toBeUndefined();
    expect(count()).toBe('120 familier');
  });

  it('typing starts at the first page of the matches and counts them all', async () => {
    view = await render(<FamilyList families={families} familyHref={(id) => `/familier/${id}`} />);
    await click(button(view.container, /^Vis 50 flere: Familier$/) as Element);
    expect(cards()).toHaveLength(100);
    await type(search(), 'sovej');
    expect(count()).toBe('60 familier');
    expect(cards()).toHaveLength(50);
    expect(names()[1]).toBe('Familien 002');
    await click(button(view.container, /^Vis 10 flere: Familier$/) as Element);
    expect(cards()).toHaveLength(60);
    await type(search(), 'sovej 1');
    // Søvej 10, 12, …, 18 and 100, …, 118: fewer than a page, no button.
    expect(count()).toBe('15 familier');
    expect(cards()).toHaveLength(15);
    expect(button(view.container, /Vis/)).toBeUndefined();
    await type(search(), '');
    expect(cards()).toHaveLength(50);
    expect(count()).toBe('120 familier');
  });

  it('a search with one more match than a page offers "Vis 1 mere"', async () => {
    view = await render(<FamilyList families={families.slice(0, 102)} familyHref={(id) => `/familier/${id}`} />);
    await type(search(), 'sovej');
    expect(count()).toBe('51 familier');
    await click(button(view.container, /^Vis 1 mere: Familier$/) as Element);
    expect(cards()).toHaveLength(51);
  });
});
