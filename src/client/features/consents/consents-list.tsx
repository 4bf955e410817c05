/**
 * The consent register of a family: every consent with its state today. Withdrawing records the
 * date and a note on the same record; nothing is erased, so the history stays readable.
 */
import { useState } from 'react';
import { type Consent, consentState } from '../../../shared/caseload/consent.ts';
import { localToday } from '../../../shared/domain/age.ts';
import type { SyncState } from '../../db/state.ts';
import { writer } from '../../db/write-store.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { SyncMark } from '../../ui/sync-mark.tsx';

type Item = { id: string; sync: SyncState; data: Consent };

/** `givenBy` holds a caregiver's id or a free-text name; ids are shown as the caregiver's name. */
export function ConsentsList({ items, caregiverNames }: { items: Item[]; caregiverNames: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const { attempt, message: saveFailure } = useSaveAttempt();
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [date, setDate] = useState(localToday());
  if (items.length === 0) return <p className="empty">{t('caseload.noConsents')}</p>;
  const today = localToday();
  const sorted = [...items].sort((a, b) => b.data.date.localeCompare(a.data.date));

  const withdraw = async (item: Item) => {
    await writer.update('consent', item.id, { ...item.data, withdrawnAt: date, withdrawnNote: note });
    setWithdrawing(null);
    setNote('');
  };

  return (
    <ul className="plain-list">
      {sorted.map((item) => {
        const { data } = item;
        const state = consentState([data], data.type, today);
        return (
          <li key={item.id} className="row-item row-item--stack">
            <div>
              <strong>{t(`caseload.consent.types.${data.type}`)}</strong>{' '}
              <span className={`badge badge--consent-${state}`}>{t(`caseload.consent.states.${state}`)}</span>
              <SyncMark state={item.sync} />
              <p className="muted">
                {caregiverNames.get(data.givenBy) ?? data.givenBy} · {t(`caseload.consent.forms.${data.form}`)} ·{' '}
                {t('caseload.consent.givenOn', { date: formatDate(data.date, i18n.language) })}
                {data.withdrawnAt
                  ? ` · ${t('caseload.consent.withdrawnOn', { date: formatDate(data.withdrawnAt, i18n.language) })}`
                  : ''}
                {data.validUntil
                  ? ` · ${t('caseload.consent.validUntilOn', { date: formatDate(data.validUntil, i18n.language) })}`
                  : ''}
                {data.instrumentScores ? ` · ${t('caseload.consent.includesScores')}` : ''}
              </p>
              {data.scope ? <p>{data.scope}</p> : null}
              {data.withdrawnNote ? <p className="muted">{data.withdrawnNote}</p> : null}
            </div>
            {data.withdrawnAt === '' && withdrawing !== item.id ? (
              <button
                type="button"
                className="button button--small"
                aria-label={`${t('caseload.consent.withdraw')}: ${t(`caseload.consent.types.${data.type}`)}`}
                onClick={() => setWithdrawing(item.id)}
              >
                {t('caseload.consent.withdraw')}
              </button>
            ) : null}
            {withdrawing === item.id ? (
              <fieldset className="inline-form">
                <legend>{t('caseload.consent.withdrawTitle')}</legend>
                <p className="field__hint">{t('caseload.consent.withdrawHint')}</p>
                <label className="field">
                  <span className="field__label">{t('caseload.consent.withdrawnAt')}</span>
                  <input type="date" value={date} min={data.date} onChange={(e) => setDate(e.target.value)} />
                </label>
                <label className="field">
                  <span className="field__label">{t('caseload.consent.withdrawnNote')}</span>
                  <input value={note} onChange={(e) => setNote(e.target.value)} />
                </label>
                <div className="inline-form__actions">
                  <button type="button" className="button" onClick={() => setWithdrawing(null)}>
                    {t('common.cancel')}
                  </button>
                  <button type="button" className="button button--primary" onClick={attempt(() => withdraw(item))}>
                    {t('caseload.consent.withdraw')}
                  </button>
                </div>
                {saveFailure}
              </fieldset>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
