/**
 * The visit record as the nurse fills it in, in the family's home: type and contact mode, time,
 * participants, material used, topics, agreements and the next contact. Every keystroke is kept
 * in a local draft (use-draft.ts); "Gem kladde" saves the record, "Underskriv" makes it final and
 * completes the planned contact it carries out. A signed visit is shown read-only.
 */

import { cloneElement, type ReactElement, useEffect, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { isVisitType } from '../../../shared/caseload/contact.ts';
import { visitDraftKey } from '../../../shared/visits/draft.ts';
import type { FormSection } from '../../../shared/visits/templates.ts';
import {
  canEditVisit,
  contactModes,
  defaultVisitTopics,
  isVisitAuthor,
  participantRoles,
  referralTargets,
  signVisit,
  type Visit,
  visitMaterials,
  visitSchema,
  visitTypes,
} from '../../../shared/visits/visit.ts';
import { writer } from '../../db/write-store.ts';
import { reveal, revealSection } from '../../forms/focus-problem.ts';
import { SignatureLine } from '../../forms/signed-notes.tsx';
import { useDraft } from '../../forms/use-draft.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { askBeforeSigning } from '../../sync/lock-state.ts';
import { formatDate, formatWhen } from '../../ui/dates.ts';
import { DetailList } from '../../ui/detail-list.tsx';
import { useErrorText } from '../../ui/field.tsx';

/** What keeps a visit from being signed: a required section missing, recorded twice, or not saved. */
export type SignBlocker = { section: FormSection; problem: 'missing' | 'duplicate' | 'unsaved' };

type Props = {
  visitId: string;
  visit: Visit;
  signer: { id: string; displayName: string };
  blockers: SignBlocker[];
  /** Marks the planned contact done when the visit is signed. */
  onSigned: (visit: Visit) => Promise<void>;
};

/** What the nurse edits: everything but the signature and the server's times. */
type FormValues = Omit<
  Visit,
  'status' | 'signedBy' | 'signedById' | 'signedAt' | 'serverSignedAt' | 'recordedAt' | 'author' | 'authorId'
>;

const editable = (visit: Visit): FormValues => {
  const {
    status: _s,
    signedBy: _b,
    signedById: _i,
    signedAt: _a,
    serverSignedAt: _v,
    recordedAt: _r,
    author: _w,
    authorId: _d,
    ...rest
  } = visit;
  return rest;
};

export function VisitForm(props: Props) {
  const { t, i18n } = useTranslation();
  const { state, keep, discard } = useDraft(visitDraftKey(props.visitId), editable(props.visit), {
    familyId: props.visit.familyId,
    childId: props.visit.childId,
  });
  if (!canEditVisit(props.visit)) return <SignedVisit visit={props.visit} />;
  if (!isVisitAuthor(props.visit, props.signer.id))
    return <SignedVisit visit={props.visit} draftOf={props.visit.author} />;
  if (!state) return <p className="muted">{t('app.loading')}</p>;
  return (
    <>
      {state.restored ? (
        <p className="notice">{t(state.fromOtherDevice ? 'visits.draftFromOtherDevice' : 'visits.draftRestored')}</p>
      ) : null}
      <EditVisit {...props} initial={state.values} keep={keep} discard={discard} />
      <p className="muted" role="status">
        {state.savedAt ? t('visits.draftSaved', { when: formatWhen(state.savedAt, i18n.language) }) : null}
      </p>
    </>
  );
}

function EditVisit({
  visitId,
  visit,
  signer,
  blockers,
  onSigned,
  initial,
  keep,
  discard,
}: Props & { initial: FormValues; keep: (v: Record<string, unknown>) => void; discard: () => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const form = useForm<FormValues>({ defaultValues: initial });
  const { register, control, watch, setError, formState } = form;
  const participants = useFieldArray({ control, name: 'participants' });
  // Set by a refused save or signing: the summary of what to fix is shown and gets focus.
  const [refused, setRefused] = useState<{ signing: boolean; at: number } | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) reveal(summary.current);
  }, [refused]);

  useEffect(() => {
    const subscription = watch((values) => keep(values as Record<string, unknown>));
    return () => subscription.unsubscribe();
  }, [watch, keep]);

  const save = async (values: FormValues, signed: boolean) => {
    const candidate: Visit = {
      ...visit,
      ...values,
      status: 'kladde',
      signedBy: '',
      signedById: '',
      signedAt: '',
      serverSignedAt: '',
      recordedAt: visit.recordedAt,
    };
    const final = signed ? signVisit(candidate, signer, new Date()) : candidate;
    const parsed = visitSchema.safeParse(final);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) setError(issue.path.join('.') as never, { message: issue.message });
    }
    // A visit is signed with every section its type requires, all saved; what was typed stays in the draft.
    if (!parsed.success || (signed && blockers.length > 0)) {
      setRefused({ signing: signed, at: Date.now() });
      return;
    }
    setRefused(null);
    // A signature is her own act: an old unlock asks for her PIN first (cancelled: still a draft).
    if (signed && !(await askBeforeSigning())) return;
    await writer.update('visit', visitId, parsed.data);
    await discard();
    if (signed) await onSigned(parsed.data);
  };

  const err = (name: keyof FormValues) => errorText(formState.errors[name]?.message as string | undefined);
  const labels: Partial<Record<keyof FormValues, string>> = {};
  const field = (name: keyof FormValues, label: string, input: ReactElement<Record<string, unknown>>) => {
    labels[name] = label;
    const error = err(name);
    return (
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={`visit-${name}`}>
          {label}
        </label>
        {cloneElement(input, {
          'aria-invalid': Boolean(error),
          ...(error ? { 'aria-describedby': `visit-${name}-error` } : {}),
        })}
        {error ? (
          <p id={`visit-${name}-error`} className="field__error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  const fieldProblems = (Object.keys(formState.errors) as (keyof FormValues)[]).flatMap((name) => {
    const message = err(name);
    return message ? [{ name, message }] : [];
  });
  const showBlockers = refused?.signing === true && blockers.length > 0;

  return (
    <form className="form" onSubmit={form.handleSubmit((v) => save(v, false))} noValidate>
      <fieldset className="form__section">
        <legend>{t('visits.record')}</legend>
        {field(
          'type',
          t('visits.typeLabel'),
          <select id="visit-type" {...register('type')} disabled={visit.contactId !== ''}>
            {visitTypes
              .filter((type) => isVisitType(type) || type === visit.type)
              .map((type) => (
                <option key={type} value={type}>
                  {t(`caseload.plan.types.${type}`)}
                </option>
              ))}
          </select>,
        )}
        {field(
          'contactMode',
          t('visits.contactModeLabel'),
          <select id="visit-contactMode" {...register('contactMode')}>
            {contactModes.map((mode) => (
              <option key={mode} value={mode}>
                {t(`visits.contactMode.${mode}`)}
              </option>
            ))}
          </select>,
        )}
        {field('date', t('visits.date'), <input id="visit-date" type="date" {...register('date')} />)}
        <div className="field-group__fields">
          {field(
            'startTime',
            t('visits.startTime'),
            <input id="visit-startTime" type="time" {...register('startTime')} />,
          )}
          {field('endTime', t('visits.endTime'), <input id="visit-endTime" type="time" {...register('endTime')} />)}
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('visits.participants')}</legend>
        {participants.fields.map((item, index) => (
          <div key={item.id} className="participant-row span-2">
            <label className="field">
              <span className="field__label">{t('visits.role')}</span>
              <select {...register(`participants.${index}.role`)}>
                {participantRoles.map((role) => (
                  <option key={role} value={role}>
                    {t(`visits.participantRole.${role}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">{t('visits.name')}</span>
              <input {...register(`participants.${index}.name`)} autoComplete="off" />
            </label>
            <button type="button" className="button button--small" onClick={() => participants.remove(index)}>
              {t('visits.removeParticipant', { number: index + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--small"
          onClick={() => participants.append({ role: 'paedagog', name: '' })}
        >
          {t('visits.addParticipant')}
        </button>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('visits.materials')}</legend>
        <div className="check-grid span-2">
          {visitMaterials.map((m) => (
            <label key={m} className="checkbox">
              <input type="checkbox" value={m} {...register('materials')} />
              {t(`visits.material.${m}`)}
            </label>
          ))}
        </div>
        {field(
          'materialOther',
          t('visits.materialOther'),
          <input id="visit-materialOther" {...register('materialOther')} />,
        )}
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('visits.topics')}</legend>
        <div className="check-grid span-2">
          {defaultVisitTopics.map((topic) => (
            <label key={topic} className="checkbox">
              <input type="checkbox" value={topic} {...register('topics')} />
              {t(`visits.topic.${topic}`)}
            </label>
          ))}
        </div>
        <div className="span-2">
          {field(
            'topicsNote',
            t('visits.topicsNote'),
            <textarea id="visit-topicsNote" rows={3} {...register('topicsNote')} />,
          )}
        </div>
        <div className="span-2">
          {field(
            'agreements',
            t('visits.agreements'),
            <textarea id="visit-agreements" rows={4} {...register('agreements')} />,
          )}
        </div>
        {field(
          'nextContact',
          t('visits.nextContact'),
          <input id="visit-nextContact" type="date" {...register('nextContact')} />,
        )}
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('visits.outcome')}</legend>
        <p className="field__hint span-2">{t('visits.outcomeHint')}</p>
        <fieldset className="span-2 subfieldset">
          <legend className="field__label">{t('visits.referrals')}</legend>
          <div className="check-grid">
            {referralTargets.map((target) => (
              <label key={target} className="checkbox">
                <input type="checkbox" value={target} {...register('referrals')} />
                {t(`visits.referral.${target}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="checkbox span-2">
          <input type="checkbox" {...register('notification')} />
          {t('visits.notification')}
        </label>
      </fieldset>

      {refused && (fieldProblems.length > 0 || showBlockers) ? (
        <div className="alert" role="alert" ref={summary} tabIndex={-1} aria-labelledby="visit-problems-heading">
          <p id="visit-problems-heading">{t(refused.signing ? 'visits.signBlocked' : 'visits.saveBlocked')}</p>
          <ul>
            {fieldProblems.map(({ name, message }) => (
              <li key={name}>
                <a
                  href={`#visit-${name}`}
                  onClick={(event) => {
                    event.preventDefault();
                    reveal(document.getElementById(`visit-${name}`));
                  }}
                >
                  {`${labels[name] ?? name}: ${message}`}
                </a>
              </li>
            ))}
            {showBlockers
              ? blockers.map((b) => (
                  <li key={`${b.section}-${b.problem}`}>
                    <a
                      href={`#section-${b.section}`}
                      onClick={(event) => {
                        event.preventDefault();
                        revealSection(`section-${b.section}`);
                      }}
                    >
                      {t(`visits.blocker.${b.problem}`, { section: t(`visits.section.${b.section}`) })}
                    </a>
                  </li>
                ))
              : null}
          </ul>
        </div>
      ) : null}
      <div className="form-actions">
        <p className="form-actions__status muted">{t('visits.signHint')}</p>
        <button type="submit" className="button">
          {t('visits.saveDraft')}
        </button>
        <button type="button" className="button button--primary" onClick={form.handleSubmit((v) => save(v, true))}>
          {t('visits.sign')}
        </button>
      </div>
    </form>
  );
}

/** A signed visit, or another nurse's draft (read-only: only its author edits and signs it). */
function SignedVisit({ visit, draftOf }: { visit: Visit; draftOf?: string }) {
  const { t, i18n } = useTranslation();
  const rows: [string, string][] = [
    [t('visits.typeLabel'), t(`caseload.plan.types.${visit.type}`)],
    [t('visits.contactModeLabel'), t(`visits.contactMode.${visit.contactMode}`)],
    [t('visits.date'), `${formatDate(visit.date, i18n.language)} ${visit.startTime}–${visit.endTime}`],
    [
      t('visits.participants'),
      visit.participants
        .map((p) => {
          const role = t(`visits.participantRole.${p.role}`);
          return p.name.trim() ? `${p.name.trim()} (${role.toLocaleLowerCase(i18n.language)})` : role;
        })
        .join(', '),
    ],
    [t('visits.materials'), visit.materials.map((m) => t(`visits.material.${m}`)).join(', ')],
    [
      t('visits.topics'),
      visit.topics.map((k) => t(`visits.topic.${k}` as 'visits.topic.soevn', { defaultValue: k })).join(', '),
    ],
    [t('visits.topicsNote'), visit.topicsNote],
    [t('visits.agreements'), visit.agreements],
    [t('visits.nextContact'), formatDate(visit.nextContact, i18n.language)],
    [t('visits.referrals'), visit.referrals.map((r) => t(`visits.referral.${r}`)).join(', ')],
    [t('visits.notification'), visit.notification ? t('visits.notificationYes') : ''],
  ];
  return (
    <section className="card" aria-labelledby="signed-visit">
      <h2 id="signed-visit">{t('visits.record')}</h2>
      <p className="notice">{t('visits.readOnly')}</p>
      <DetailList rows={rows} />
      {draftOf === undefined ? (
        <SignatureLine note={visit} />
      ) : (
        <p className="notice">{t('notes.draftOf', { author: draftOf })}</p>
      )}
    </section>
  );
}
