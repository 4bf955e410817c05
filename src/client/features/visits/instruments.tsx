/**
 * EPDS (per parent) and ADBB (the child) at a visit. The nurse enters answers; item scores, the
 * total, the flags and the cut-off in force (from the municipality's settings) are computed and
 * stored with the instrument's version — never typed. An answer above 0 on EPDS item 10 always
 * raises a follow-up prompt; an ADBB at or above its cut-off offers to plan a visit in 1–2 weeks.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADBB_ITEM_COUNT, ADBB_MAX_RATING, scoreAdbb } from '../../../shared/instruments/adbb.ts';
import { EPDS_ITEM_COUNT, type EpdsRole, epdsRoles, scoreEpds } from '../../../shared/instruments/epds.ts';
import { instrumentDraftKey } from '../../../shared/visits/draft.ts';
import { instrumentRecordSchema } from '../../../shared/visits/instrument-record.ts';
import { writer } from '../../db/write-store.ts';
import { formatDate } from '../../ui/dates.ts';
import { Choices } from './choices.tsx';
import { useDraft, useKeepOnChange } from './use-draft.ts';

type VisitRef = { id: string; date: string; familyId: string; childId: string; editable: boolean };
type Answers = (number | null)[];
/** What a form gets from its draft: keep what is typed; discard once the record is saved. */
type Drafting = { keep: (values: Record<string, unknown>) => void; discard: () => Promise<void> };

const roleFor = (relation: string): EpdsRole =>
  relation === 'mor' || relation === 'far' || relation === 'medmor' ? relation : 'anden';

type EpdsProps = {
  visit: VisitRef;
  caregivers: { id: string; name: string; relation: string }[];
  cutoffs: Record<EpdsRole, number>;
  saved: { id: string; caregiverId: string; role: EpdsRole; answers: Answers }[];
};

/** The parent is chosen first; each parent's answers have their own draft and record. */
export function EpdsForm(props: EpdsProps) {
  const [caregiverId, setCaregiverId] = useState(props.caregivers[0]?.id ?? '');
  // A new parent is a new form: its own saved answers, its own draft.
  return <EpdsDrafted key={caregiverId} {...props} caregiverId={caregiverId} onCaregiver={setCaregiverId} />;
}

function EpdsDrafted(props: EpdsProps & { caregiverId: string; onCaregiver: (id: string) => void }) {
  const { caregiverId } = props;
  const existing = props.saved.find((s) => s.caregiverId === caregiverId);
  const caregiver = props.caregivers.find((c) => c.id === caregiverId);
  const defaults = {
    role: existing?.role ?? roleFor(caregiver?.relation ?? ''),
    answers: existing?.answers ?? Array<number | null>(EPDS_ITEM_COUNT).fill(null),
  };
  const draft = useDraft(instrumentDraftKey(props.visit.id, 'epds', caregiverId), defaults, props.visit);
  if (!draft.state) return null;
  return <Epds {...props} existing={existing} initial={draft.state.values} keep={draft.keep} discard={draft.discard} />;
}

function Epds(
  props: EpdsProps & {
    caregiverId: string;
    onCaregiver: (id: string) => void;
    existing: EpdsProps['saved'][number] | undefined;
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
  const scoring = scoreEpds({ role, answers }, props.cutoffs);
  const { response, missingItems } = scoring;

  const choose = (id: string) => props.onCaregiver(id);

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
    <section className="card" aria-labelledby="epds-heading">
      <h2 id="epds-heading">{t('visits.epds.title')}</h2>
      <p className="muted">{t('visits.epds.hint')}</p>
      <div className="enrol-grid">
        <label className="field">
          <span className="field__label">{t('visits.epds.parent')}</span>
          <select value={caregiverId} onChange={(e) => choose(e.target.value)}>
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
          disabled={!props.visit.editable}
          label={(o) => t(`visits.epds.options.o${o}` as 'visits.epds.options.o0')}
          onChange={(v) => setAnswers((a) => a.map((x, j) => (j === i ? v : x)))}
        />
      ))}
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
      {props.visit.editable ? (
        <div className="inline-form__actions">
          <span className="ok-text">{status}</span>
          <button type="button" className="button button--primary" disabled={!caregiverId} onClick={() => void save()}>
            {t('visits.epds.save')}
          </button>
        </div>
      ) : null}
    </section>
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
              onClick={() => void props.onPlanFollowUp(window).then(() => setStatus(t('visits.adbb.followUpPlanned')))}
            >
              {t('visits.adbb.planFollowUp', {
                from: formatDate(window.from, i18n.language),
                to: formatDate(window.to, i18n.language),
              })}
            </button>
          ) : null}
          <button type="button" className="button button--primary" onClick={() => void save()}>
            {t('visits.adbb.save')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
