/**
 * The export buttons: indicators for the steering group, events and their description for an
 * evaluator; below them the team's log of exports.
 */
import { useState } from 'react';
import { failureReason } from '../../forms/save-attempt.tsx';
import { requestSync } from '../../sync/activity.ts';
import type { ExportKind, runExport } from './export-actions.ts';
import { ExportsLog } from './exports-log.tsx';
import { useEvalT } from './labels.ts';

type Props = { run: (kind: ExportKind) => ReturnType<typeof runExport> };

export function ExportsPanel({ run }: Props) {
  const { t } = useEvalT();
  const [status, setStatus] = useState('');
  const [version, setVersion] = useState(0);
  const go = async (kind: ExportKind) => {
    setStatus(t('evaluation.exports.working'));
    let file: string;
    try {
      file = await run(kind);
    } catch (error) {
      // The attempt is logged before the file is made (export-actions.ts); say that no file came.
      setStatus(t('evaluation.exports.failed', { reason: failureReason(error) }));
      return;
    }
    setStatus(t('evaluation.exports.done', { file }));
    // The export's audit event goes to the server now, so the log below lists it.
    requestSync();
    setTimeout(() => setVersion((v) => v + 1), 1500);
  };
  return (
    <section className="card eval-area no-print" aria-labelledby="eval-exports">
      <h2 id="eval-exports">{t('evaluation.exports.title')}</h2>
      <p className="muted">{t('evaluation.exports.intro')}</p>
      <div className="eval-exports">
        <button type="button" className="button button--primary" onClick={() => void go('indicators')}>
          {t('evaluation.exports.csv')}
        </button>
        <button type="button" className="button" onClick={() => void go('events')}>
          {t('evaluation.exports.events')}
        </button>
        <button type="button" className="button" onClick={() => void go('description')}>
          {t('evaluation.exports.description')}
        </button>
      </div>
      <p role="status" className="muted">
        {status}
      </p>
      <ExportsLog version={version} />
    </section>
  );
}
