/**
 * The list behind a figure: the children and families it counts, with their names (the only place
 * of the overview that shows names) and links to them. Opened as a modal dialog; every opening
 * goes through onSensitiveAction (the caller's job: see evaluation-view.tsx).
 */
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import type { Tally } from '../../../shared/evaluation/tally.ts';
import { useEvalT } from './labels.ts';

export type Names = {
  child: (id: string) => { name: string; familyId: string } | undefined;
  family: (id: string) => string | undefined;
};
export type Hrefs = { child: (familyId: string, childId: string) => string; family: (id: string) => string };

type Props = { label: string; tally: Tally; names: Names; hrefs: Hrefs; onClose: () => void };

export function Drilldown({ label, tally, names, hrefs, onClose }: Props) {
  const { t } = useEvalT();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const byName = (a: string, b: string) => a.localeCompare(b, 'da');
  const children = tally.children
    .map((id) => ({ id, ...(names.child(id) ?? { name: '–', familyId: '' }) }))
    .sort((a, b) => byName(a.name, b.name));
  const families = tally.families
    .map((id) => ({ id, name: names.family(id) ?? '–' }))
    .sort((a, b) => byName(a.name, b.name));
  return (
    <dialog ref={dialog} className="eval-drilldown" aria-labelledby="eval-drilldown-title" onClose={onClose}>
      <div className="eval-drilldown__head">
        <h2 id="eval-drilldown-title">{t('evaluation.drilldown.title', { label })}</h2>
        <button type="button" className="button button--primary" onClick={() => dialog.current?.close()}>
          {t('evaluation.drilldown.close')}
        </button>
      </div>
      <p className="muted">{t('evaluation.drilldown.note')}</p>
      <div className="eval-drilldown__lists">
        <section aria-labelledby="eval-drilldown-children">
          <h3 id="eval-drilldown-children">{t('evaluation.drilldown.children', { count: children.length })}</h3>
          {children.length === 0 ? (
            <p className="muted">{t('evaluation.drilldown.empty')}</p>
          ) : (
            <ul className="plain-list">
              {children.map((c) => (
                <li key={c.id}>
                  <Link href={hrefs.child(c.familyId, c.id)}>{c.name}</Link>{' '}
                  <span className="muted">{names.family(c.familyId) ?? ''}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="eval-drilldown-families">
          <h3 id="eval-drilldown-families">{t('evaluation.drilldown.families', { count: families.length })}</h3>
          {families.length === 0 ? (
            <p className="muted">{t('evaluation.drilldown.empty')}</p>
          ) : (
            <ul className="plain-list">
              {families.map((f) => (
                <li key={f.id}>
                  <Link href={hrefs.family(f.id)}>{f.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </dialog>
  );
}
