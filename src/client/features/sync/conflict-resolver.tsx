/**
 * Side-by-side resolution of one conflict: for each field changed on both sides, "Min version" or
 * "Nuværende version" (with who and when), or an own edit for text. Saving writes the chosen
 * document as an ordinary change and marks the conflict resolved; both sync like any change.
 */
import { useState } from 'react';
import type { Conflict } from '../../../shared/schemas/conflict.ts';
import { isRecordKind } from '../../../shared/schemas/kinds.ts';
import { ValidationError } from '../../db/records.ts';
import { writer } from '../../db/write-store.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatWhen } from '../../ui/dates.ts';
import { useErrorText } from '../../ui/field.tsx';
import { fieldLabel, fieldValue } from './field-values.ts';

type Choice = 'mine' | 'theirs' | 'own';
type Props = {
  conflictId: string;
  conflict: Conflict;
  current: { data: Record<string, unknown>; updatedBy: string; updatedAt: string; deleted: boolean } | null;
  onResolved: () => void;
};

export function ConflictResolver({ conflictId, conflict, current, onResolved }: Props) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const kind = conflict.recordKind;
  const mine = conflict.mine ?? {};
  const theirs = current?.data ?? conflict.theirs ?? {};
  const fields = Object.keys(mine).filter((f) => JSON.stringify(mine[f]) !== JSON.stringify(theirs[f]));
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [own, setOwn] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const resolve = async () => {
    if (fields.some((f) => !choices[f])) {
      setProblem(t('attention.chooseAll'));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      if (isRecordKind(kind) && current && !current.deleted && conflict.op === 'update') {
        const chosen = Object.fromEntries(
          fields.map((f) => [f, choices[f] === 'mine' ? mine[f] : choices[f] === 'own' ? (own[f] ?? '') : theirs[f]]),
        );
        await writer.update(kind, conflict.recordId, { ...theirs, ...chosen });
      }
      await writer.update('conflict', conflictId, { ...conflict, status: 'resolved' });
      onResolved();
    } catch (error) {
      setProblem(
        error instanceof ValidationError
          ? error.issues.map((i) => `${fieldLabel(t, kind, i.path)}: ${errorText(i.message)}`).join(' ')
          : String(error),
      );
    } finally {
      setBusy(false);
    }
  };

  const who = (name: string, when: string) =>
    t('attention.byAt', { who: name || '–', when: formatWhen(when, i18n.language) });

  return (
    <div className="resolver">
      <p>{t('attention.resolveIntro')}</p>
      {current?.deleted || conflict.op === 'delete' ? <p className="notice">{t('attention.deleted')}</p> : null}
      <table className="resolver__table">
        <thead>
          <tr>
            <th scope="col" className="resolver__cell">
              {t('attention.field')}
            </th>
            <th scope="col" className="resolver__cell">
              {t('attention.mine')}
              <span className="muted resolver__who">{who(conflict.author, conflict.receivedAt)}</span>
            </th>
            <th scope="col" className="resolver__cell">
              {t('attention.theirs')}
              <span className="muted resolver__who">{current ? who(current.updatedBy, current.updatedAt) : ''}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((field) => {
            const name = `choice-${field}`;
            const label = fieldLabel(t, kind, field);
            const option = (choice: Choice, text: string) => (
              <label className="radio">
                <input
                  type="radio"
                  name={name}
                  checked={choices[field] === choice}
                  onChange={() => setChoices((c) => ({ ...c, [field]: choice }))}
                  aria-label={`${label}: ${choice === 'mine' ? t('attention.mine') : choice === 'theirs' ? t('attention.theirs') : t('attention.own')}`}
                />
                {text}
              </label>
            );
            return (
              <tr key={field}>
                <th scope="row" className="resolver__cell">
                  {label}
                </th>
                <td className="resolver__cell">
                  {option('mine', fieldValue(t, kind, field, mine[field], i18n.language))}
                </td>
                <td className="resolver__cell">
                  {option('theirs', fieldValue(t, kind, field, theirs[field], i18n.language))}
                  {typeof theirs[field] === 'string' || typeof mine[field] === 'string' ? (
                    <div className="resolver__own">
                      {option('own', t('attention.own'))}
                      {choices[field] === 'own' ? (
                        <input
                          aria-label={`${label}: ${t('attention.own')}`}
                          value={own[field] ?? String(theirs[field] ?? '')}
                          onChange={(e) => setOwn((o) => ({ ...o, [field]: e.target.value }))}
                        />
                      ) : null}
                    </div>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p role="alert" className="error-text">
        {problem}
      </p>
      <button type="button" className="button button--primary" onClick={() => void resolve()} disabled={busy}>
        {t('attention.save')}
      </button>
    </div>
  );
}
