/**
 * "Kræver handling": open conflicts (link to the side-by-side view) and rejected changes with why,
 * "Prøv igen", "Eksportér", and "Kassér" for a creation the server never had.
 */

import { Link } from 'wouter';
import { auditWhat } from '../../../shared/audit/what-codes.ts';
import type { Conflict } from '../../../shared/schemas/conflict.ts';
import { rejectionCodes } from '../../../shared/sync/protocol.ts';
import { audit } from '../../db/audit.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import {
  canDiscard,
  discardRejectedCreate,
  exportRejected,
  type RejectedChange,
  retryRejected,
} from '../../sync/rejections.ts';
import { formatWhen } from '../../ui/dates.ts';
import { conflictWho } from './conflict-wording.ts';

type Props = {
  /** Each open conflict with the writer of the record's current version ('' when unknown). */
  conflicts: { id: string; data: Conflict; recordTitle: string; currentBy: string }[];
  /** The signed-in user's display name (the list speaks from her side). */
  me: string;
  rejected: (RejectedChange & { recordTitle: string })[];
  conflictHref: (id: string) => string;
};

/**
 * Every rejection code of the protocol has its own explanation (a catalogue test checks them all), and
 * so has the one the client gives itself: a single change the server refuses as too large (413).
 */
const reasonKeys = [...rejectionCodes, 'payload_too_large'] as const;

/** The family a rejected change concerns, when its data says so (an update's patch may not). */
function familyOfChange(change: RejectedChange): string {
  if (change.kind === 'family') return change.recordId;
  const id = change.data?.familyId;
  return typeof id === 'string' ? id : '';
}

function download(change: RejectedChange) {
  // The file holds a citizen's data: an export for the access log.
  void audit({
    action: 'export',
    what: auditWhat.rejectedChange,
    familyId: familyOfChange(change),
    recordId: change.recordId,
  });
  const url = URL.createObjectURL(new Blob([exportRejected(change)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `afvist-${change.kind}-${change.recordId}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function NeedsAttention({ conflicts, rejected, conflictHref, me }: Props) {
  const { t, i18n } = useTranslation();
  const { attempt, message: saveFailure } = useSaveAttempt();
  if (conflicts.length === 0 && rejected.length === 0) return <p className="empty">{t('attention.empty')}</p>;
  const reason = (code: string) =>
    t(
      `attention.reasons.${(reasonKeys as readonly string[]).includes(code) ? (code as (typeof reasonKeys)[number]) : 'other'}`,
    );
  return (
    <>
      {conflicts.length > 0 ? (
        <section className="card" aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">{t('attention.conflicts')}</h2>
          <ul className="attention-list">
            {conflicts.map((c) => (
              <li key={c.id}>
                <span>
                  {(() => {
                    const who = conflictWho({ author: c.data.author, other: c.currentBy, me });
                    return t(`attention.conflictWho.${who.key}`, {
                      record: c.recordTitle,
                      who: 'who' in who ? who.who : '',
                      other: 'other' in who ? who.other : '',
                    });
                  })()}
                  <span className="muted"> · {formatWhen(c.data.receivedAt, i18n.language)}</span>
                </span>
                <Link
                  href={conflictHref(c.id)}
                  className="button button--small"
                  aria-label={`${t('attention.open')}: ${c.recordTitle}`}
                >
                  {t('attention.open')}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rejected.length > 0 ? (
        <section className="card" aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">{t('attention.rejected')}</h2>
          <ul className="attention-list">
            {rejected.map((r) => (
              <li key={r.clientSeq}>
                <span>
                  {t('attention.rejectedSummary', {
                    op: t(`attention.ops.${r.op}`),
                    record: r.recordTitle,
                    reason: reason(r.error.code),
                  })}
                  <span className="muted"> · {formatWhen(r.createdAt, i18n.language)}</span>
                </span>
                <span className="attention-list__actions">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={attempt(() => retryRejected(r.clientSeq))}
                  >
                    {t('attention.retry')}
                  </button>
                  <button type="button" className="button button--small" onClick={() => download(r)}>
                    {t('attention.export')}
                  </button>
                  {canDiscard(r) ? (
                    <button
                      type="button"
                      className="button button--small"
                      onClick={() => {
                        if (window.confirm(t('attention.discardConfirm')))
                          attempt(() => discardRejectedCreate(r.clientSeq))();
                      }}
                    >
                      {t('attention.discard')}
                    </button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
          {saveFailure}
        </section>
      ) : null}
    </>
  );
}
