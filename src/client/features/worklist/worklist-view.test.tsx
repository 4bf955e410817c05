// @vitest-environment happy-dom
/**
 * "Mine besøg" in pages (decision 0073): each bucket renders a first page, its heading counts every
 * row, "Vis N flere" renders the next page until every row is there, and a change of the nurse
 * filter starts again at the first page; a live update of the same list keeps the pages opened.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { WorklistBucket } from '../../../shared/caseload/worklist.ts';
import { accessibleName, button, click, type Rendered, render } from '../../ui/test-render.tsx';
import { bucketPageSize, type WorklistRow, WorklistView } from './worklist-view.tsx';

const row = (bucket: WorklistBucket, n: number): WorklistRow => ({
  id: `${bucket}-${n}`,
  bucket,
  dueDate: '2026-11-01',
  deadline: '2026-11-20',
  booked: false,
  windowFrom: '2026-10-20',
  windowTo: '2026-11-20',
  outsideWindow: false,
  type: 'besoeg-2-md',
  childName: `Barn ${bucket} ${n}`,
  familyName: `Familien ${n}`,
  nurse: 'Hanne',
  started: false,
  visitHref: `/besoeg/${bucket}-${n}`,
  childHref: `/barn/${bucket}-${n}`,
});
const many = (bucket: WorklistBucket, count: number) => Array.from({ length: count }, (_, n) => row(bucket, n));

// 250 overdue (two and a half pages of 100), 3 today, 120 this week (two pages of 50 and 20), none upcoming.
const rows = [...many('overdue', 250), ...many('today', 3), ...many('this-week', 120)];

let view: Rendered;
afterEach(() => view.unmount());

const ui = (nurse: string, list = rows) => (
  <WorklistView rows={list} nurses={['Hanne', 'Birte']} nurse={nurse} me="Hanne" onNurseChange={() => {}} />
);
const section = (bucket: WorklistBucket) => view.container.querySelector(`section[aria-labelledby="bucket-${bucket}"]`);
const items = (bucket: WorklistBucket) => [...(section(bucket)?.querySelectorAll('li') ?? [])];
const heading = (bucket: WorklistBucket) => section(bucket)?.querySelector('h2')?.textContent;

describe('WorklistView paging', () => {
  it('renders each bucket up to its first page, with the total in the heading and a button for the rest', async () => {
    expect([...['overdue', 'today', 'this-week', 'upcoming'].map((b) => bucketPageSize(b as 'today'))]).toEqual([
      100, 100, 50, 50,
    ]);
    view = await render(ui(''));
    expect(items('overdue')).toHaveLength(100);
    expect(heading('overdue')).toBe('Overskredet 250 besøg');
    // The shared rule's order is kept: the first page is the most overdue.
    expect(items('overdue').map((li) => li.querySelector('.worklist__child')?.textContent)).toEqual(
      rows.slice(0, 100).map((r) => r.childName),
    );
    expect(button(section('overdue') as Element, /^Vis 100 flere: Overskredet$/)).toBeDefined();
    expect(items('today')).toHaveLength(3);
    expect(heading('today')).toBe('I dag 3 besøg');
    expect(section('today')?.querySelector('button')).toBeNull();
    expect(items('this-week')).toHaveLength(50);
    expect(heading('this-week')).toBe('Denne uge 120 besøg');
    expect(button(section('this-week') as Element, /^Vis 50 flere: Denne uge$/)).toBeDefined();
    expect(section('upcoming')?.textContent).toContain('Ingen besøg her.');
  });

  it('"Vis flere" renders the next page, moves the focus to its first row, and finally shows every row', async () => {
    view = await render(ui(''));
    const overdue = section('overdue') as Element;
    await click(button(overdue, /^Vis 100 flere/) as Element);
    expect(items('overdue')).toHaveLength(200);
    expect(document.activeElement?.textContent).toContain('Barn overdue 100');
    // The last page is smaller: the button says how many it adds.
    await click(button(overdue, /^Vis 50 flere: Overskredet$/) as Element);
    expect(items('overdue')).toHaveLength(250);
    expect(overdue.querySelector('button')).toBeNull();
    expect(items('overdue').at(-1)?.textContent).toContain('Barn overdue 249');
    // The other buckets page on their own.
    expect(items('this-week')).toHaveLength(50);
    await click(button(section('this-week') as Element, /^Vis 50 flere/) as Element);
    await click(button(section('this-week') as Element, /^Vis 20 flere: Denne uge$/) as Element);
    expect(items('this-week')).toHaveLength(120);
    expect(heading('this-week')).toBe('Denne uge 120 besøg');
  });

  it('a change of the nurse filter starts at the first page; a live update of the same list does not', async () => {
    view = await render(ui(''));
    await click(button(section('overdue') as Element, /^Vis 100 flere/) as Element);
    expect(items('overdue')).toHaveLength(200);
    await view.rerender(ui('', [...rows, row('overdue', 250)]));
    expect(items('overdue')).toHaveLength(200);
    expect(heading('overdue')).toBe('Overskredet 251 besøg');
    await view.rerender(ui('Hanne'));
    expect(items('overdue')).toHaveLength(100);
    await view.rerender(ui(''));
    expect(items('overdue')).toHaveLength(100);
  });

  it('gives every link and button an accessible name', async () => {
    view = await render(ui(''));
    const controls = [...view.container.querySelectorAll('a, button')];
    expect(controls.length).toBeGreaterThan(300);
    for (const control of controls) expect(accessibleName(control), control.outerHTML).not.toBe('');
    // Four buttons would read alike: each names its bucket.
    expect([...view.container.querySelectorAll('button')].map(accessibleName)).toEqual([
      'Vis 100 flere: Overskredet',
      'Vis 50 flere: Denne uge',
    ]);
  });
});
