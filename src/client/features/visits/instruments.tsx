/**
 * EPDS (per parent) and ADBB (the child) at a visit. The nurse enters answers; item scores, the
 * total, the flags and the cut-off in force (from the municipality's settings) are computed and
 * stored with the instrument's version — never typed. An answer above 0 on EPDS item 10 always
 * raises a follow-up prompt; an ADBB at or above its cut-off offers to plan a visit in 1–2 weeks.
 * Every recorded EPDS is shown with its parent, score and flags, on a draft and on a signed visit
 * alike: nothing recorded may hide behind the parent selector.
 */
import { useMemo, useState } from 'react';
import { ADBB_ITEM_COUNT, ADBB_MAX_RATING, scoreAdbb } from '../../../shared/instruments/adbb.ts';
import {
  EPDS_ITEM_COUNT,
  type EpdsResponse,
  type EpdsRole,
  epdsRoles,
  scoreEpds,
} from '../../../shared/instruments/epds.ts';
import { instrumentDraftKey } from '../../../shared/visits/draft.ts';
import { instrumentRecordSchema } from '../../../shared/visits/instrument-record.ts';
import { writer } from '../../db/write-store.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useDraft, useKeepOnChange } from '../../forms/use-draft.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';
import { Choices } from './choices.tsx';

type VisitRef = { id: string; date: string; familyId: string; childId: string; editable: boolean };
type Answers = (number | null)[];
/** What a form gets from its draft: keep what is typed; discard once the record is saved. */
type Drafting = { keep: (values: Record<string, unknown>) => void; discard: () => Promise<void> };

const roleFor = (relation: string): EpdsRole =>
  relation === 'mor' || relation === 'far' || relation === 'medmor' ? relation : 'anden';

type SavedEpds = { id: string; caregiverId: string; response: EpdsResponse };

type EpdsProps = {
  visit: VisitRef;
  caregivers: { id: string; name: string; relation: string }[];
  /** Names of parents who answered but are no longer among the family's caregivers. */
  formerNames: Record<string, string>;
  cutoffs: Record<EpdsRole, number>;
  saved: SavedEpds[];
};

/** The recorded responses first; on a draft the form opens on the first parent who was screened. */
export function EpdsForm(props: EpdsProps) {
  const { t } = useTranslation();
  const [caregiverId, setCaregiverId] = useState(props.saved[0]?.caregiverId ?? props.caregivers[0]?.id ?? '');
  const nameOf = (id: string) =>
    props.caregivers.find((c) => c.id === id)?.name ?? props.formerNames[id] ?? t('visits.epds.unknownParent');
  const screened = new Set(props.saved.map((s) => s.caregiverId));
  return (
    <section className="card" aria-labelledby="epds-heading">
      <h2 id="epds-heading">{t('visits.epds.title')}</h2>
      {props.saved.map((saved) => (
        <EpdsResult
          key={saved.id}
          saved={saved}
          name={nameOf(saved.caregiverId)}
          onEdit={
            props.visit.editable && saved.caregiverId !== caregiverId ? () => setCaregiverId(saved.caregiverId) : null
          }
        />
      ))}
      {props.visit.editable ? (
        // A new parent is a new form: its own saved answers, its own draft.
        <EpdsDrafted key={caregiverId} {...props} caregiverId={caregiverId} onCaregiver={setCaregiverId} />
      ) : (
        <>
          {props.saved.length === 0 ? <p className="muted">{t('visits.epds.noneRecorded')}</p> : null}
          {props.caregivers
            .filter((c) => !screened.has(c.id))
            .map((c) => (
              <p key={c.id} className="muted">
                {t('visits.epds.notScreened', { name: c.name })}
              </p>
            ))}
        </>
      )}
    </section>
  );
}

/** A recorded EPDS as stored: the parent, the score with the cut-off in force, and the flags. */
function EpdsResult(props: { saved: SavedEpds; name: string; onEdit: (() => void) | null }) {
  const { t } = useTranslation();
  const { response } = props.saved;
  const headingId = `epds-result-${props.saved.id}`;
  return (
    <article className="instrument-recorded" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {props.name} ({t(`visits.epdsRole.${response.role}`)})
      </h3>
      <EpdsOutcome response={response} missingItems={[]} />
      {props.onEdit ? (
        <button type="button" className="button" onClick={props.onEdit}>
          {t('visits.epds.showAnswers', { name: props.name })}
        </button>
      ) : null}
    </article>
  );
}

/** The computed total and the flags of a response (an item 10 answer above 0 always prompts). */
function EpdsOutcome({ response, missingItems }: { response: EpdsResponse; missingItems: number[] }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="instrument-result" role="status">
        {response.total === null ? (
          <p className="muted">{t('visits.epds.missing', { items: missingItems.join(', ') })}</p>
        ) : (
          <p className="instrument-result__total">
            {t('visits.epds.total', { total: response.total, cutoff: response.cutoff })}
          </p>
        )}
        {response.flags.includes('above-cutoff') ? <p className="notice">{t('visits.epds.aboveCutoff')}</p> : null}
      </div>
      {response.flags.includes('self-harm') ? (
        <p className="alert" role="alert">
          {t('visits.epds.selfHarm')}
        </p>
      ) : null}
    </>
  );
}

function EpdsDrafted(props: EpdsProps & { caregiverId: string; onCaregiver: (id: string) => void }) {
  const { caregiverId } = props;
  const existing = props.saved.find((s) => s.caregiverId === caregiverId);
  const caregiver = props.caregivers.find((c) => c.id === caregiverId);
  const defaults = {
    role: existing?.response.role ?? roleFor(caregiver?.relation ?? ''),
    answers: existing?.response.answers ?? Array<number | null>(EPDS_ITEM_COUNT).fill(null),
  };
  const draft = useDraft(instrumentDraftKey(props.visit.id, 'epds', caregiverId), defaults, props.visit);
  if (!draft.state) return null;
  return <Epds {...props} existing={existing} initial={draft.state.values} keep={draft.keep} discard={draft.discard} />;
}

function Epds(
  props: EpdsProps & {
    caregiverId: string;
    onCaregiver: (id: string) => void;
    existing: SavedEpds | undefined;
    initial: { role: EpdsRole; answers: Answers };
  } & Drafting,
) {
  const { t } = useTranslation();
  const { caregiverId, existing } = props;
  const [role, setRole] = useState<EpdsRole>(props.initial.role);
  const [answers, setAnswers] = useState<Answers>(props.initial.answers);
  const typed = useMemo(() => ({ role, answers }), [role, answers]);
  useKeepOnChange(typed, props.keep);
  const [status, setStatus] = useState('');
  const { response, missingItems } = scoreEpds({ role, answers }, props.cutoffs);

  const { attempt, message: saveFailure } = useSaveAttempt();
  const save = async () => {
    const record = instrumentRecordSchema.parse({
      visitId: props.visit.id,
      childId: props.visit.childId,
      familyId: props.visit.familyId,
      caregiverId,
      response,
    });
    if (existing) await writer.update('instrumentResponse', existing.id, record);
    else await writer.create('instrumentResponse', record);
    await props.discard();
    setStatus(t('visits.epds.saved'));
  };

  return (
    <div className="instrument-form">
      <p className="muted">{t('visits.epds.hint')}</p>
      <div className="enrol-grid">
        <label className="field">
          <span className="field__label">{t('visits.epds.parent')}</span>
          <select value={caregiverId} onChange={(e) => props.onCaregiver(e.target.value)}>
            {props.caregivers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label className="field__label" htmlFor="epds-role">
            {t('visits.epds.role')}
          </label>
          <select id="epds-role" value={role} onChange={(e) => setRole(e.target.value as EpdsRole)}>
            {epdsRoles.map((r) => (
              <option key={r} value={r}>
                {t(`visits.epdsRole.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {Array.from({ length: EPDS_ITEM_COUNT }, (_, i) => (
        <Choices
          // biome-ignore lint/suspicious/noArrayIndexKey: the ten items are fixed positions
          key={i}
          name={`epds-${i}`}
          legend={`${i + 1}. ${t(`visits.epds.items.i${i + 1}` as 'visits.epds.items.i1')}`}
          values={[0, 1, 2, 3]}
          value={answers[i] ?? null}
          disabled={false}
          label={(o) => t(`visits.epds.options.o${o}` as 'visits.epds.options.o0')}
          onChange={(v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
        />
      ))}
      <EpdsOutcome response={response} missingItems={missingItems} />
      <div className="inline-form__actions">
        <span className="ok-text">{status}</span>
        <button type="button" className="button button--primary" disabled={!caregiverId} onClick={attempt(save)}>
          {t('visits.epds.save')}
        </button>
      </div>
      {saveFailure}
    </div>
  );
}

const adbbRatings = Array.from({ length: ADBB_MAX_RATING + 1 }, (_, i) => i);

type AdbbProps = {
  visit: VisitRef;
  birthDate: string;
  cutoff: number;
  saved: { id: string; answers: Answers } | null;
  onPlanFollowUp: (window: { from: string; to: string }) => Promise<void>;
};

export function AdbbForm(props: AdbbProps) {
  const { t } = useTranslation();
  if (!props.visit.editable && !props.saved) {
    return (
      <section className="card" aria-labelledby="adbb-heading">
        <h2 id="adbb-heading">{t('visits.adbb.title')}</h2>
        <p className="muted">{t('visits.adbb.noneRecorded')}</p>
      </section>
    );
  }
  return <AdbbDrafted {...props} />;
}

function AdbbDrafted(props: AdbbProps) {
  const defaults = { answers: props.saved?.answers ?? Array<number | null>(ADBB_ITEM_COUNT).fill(null) };
  const draft = useDraft(instrumentDraftKey(props.visit.id, 'adbb'), defaults, props.visit);
  if (!draft.state) return null;
  return <Adbb {...props} initial={draft.state.values} keep={draft.keep} discard={draft.discard} />;
}

function Adbb(props: AdbbProps & { initial: { answers: Answers } } & Drafting) {
  const { t, i18n } = useTranslation();
  const [answers, setAnswers] = useState<Answers>(props.initial.answers);
  const typed = useMemo(() => ({ answers }), [answers]);
  useKeepOnChange(typed, props.keep);
  const [status, setStatus] = useState('');
  const { response, missingItems } = scoreAdbb(
    { answers, visitDate: props.visit.date, birthDate: props.birthDate },
    { cutoff: props.cutoff },
  );

  const { attempt, message: saveFailure } = useSaveAttempt();
  const save = async () => {
    const record = instrumentRecordSchema.parse({
      visitId: props.visit.id,
      childId: props.visit.childId,
      familyId: props.visit.familyId,
      caregiverId: '',
      response,
    });
    if (props.saved) await writer.update('instrumentResponse', props.saved.id, record);
    else await writer.create('instrumentResponse', record);
    await props.discard();
    setStatus(t('visits.adbb.saved'));
  };

  const window = response.followUpWindow;
  return (
    <section className="card" aria-labelledby="adbb-heading">
      <h2 id="adbb-heading">{t('visits.adbb.title')}</h2>
      <p className="muted">{t('visits.adbb.hint')}</p>
      {response.ageWarning ? <p className="notice">{t(`visits.adbbAgeWarning.${response.ageWarning}`)}</p> : null}
      {Array.from({ length: ADBB_ITEM_COUNT }, (_, i) => (
        <Choices
          // biome-ignore lint/suspicious/noArrayIndexKey: the eight items are fixed positions
          key={i}
          name={`adbb-${i}`}
          legend={`${i + 1}. ${t(`visits.adbb.items.i${i + 1}` as 'visits.adbb.items.i1')}`}
          values={adbbRatings}
          value={answers[i] ?? null}
          disabled={!props.visit.editable}
          label={(o) => String(o)}
          onChange={(v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
        />
      ))}
      <div className="instrument-result" role="status">
        {response.total === null ? (
          <p className="muted">{t('visits.adbb.missing', { items: missingItems.join(', ') })}</p>
        ) : (
          <p className="instrument-result__total">
            {t('visits.adbb.total', { total: response.total, cutoff: response.cutoff })}
          </p>
        )}
        {response.flags.includes('above-cutoff') ? <p className="notice">{t('visits.adbb.aboveCutoff')}</p> : null}
      </div>
      {props.visit.editable ? (
        <div className="inline-form__actions">
          <span className="ok-text">{status}</span>
          {window && response.flags.includes('above-cutoff') ? (
            <button
              type="button"
              className="button"
              onClick={attempt(() =>
                props.onPlanFollowUp(window).then(() => setStatus(t('visits.adbb.followUpPlanned'))),
              )}
            >
              {t('visits.adbb.planFollowUp', {
                from: formatDate(window.from, i18n.language),
                to: formatDate(window.to, i18n.language),
              })}
            </button>
          ) : null}
          <button type="button" className="button button--primary" onClick={attempt(save)}>
            {t('visits.adbb.save')}
          </button>
        </div>
      ) : null}
      {saveFailure}
    </section>
  );
}
