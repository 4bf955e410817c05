/**
 * The observation sections of a visit besides measurements: three-level assessments per area,
 * feeding, tobacco smoke, TOPI and (at 3 years) the reported language assessment. Which of them a
 * visit shows, and which are required before signing, comes from the templates in src/shared
 * (templates.ts). Every tap is kept in a draft (use-draft.ts) until "Gem" validates the section
 * with its shared schema and saves it as one observation record; an observation not collected is
 * saved with the reason (domain.md §2). A signed visit shows its sections read-only. A language
 * result shared by the daycare is saved only when the page says the consent allows it (the
 * disclosure gate; the server refuses it otherwise too).
 */
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { topiJudgements } from '../../../shared/instruments/topi.ts';
import type { Signer } from '../../../shared/journal/signature.ts';
import { notCollectedReasons } from '../../../shared/visits/common.ts';
import { observationDraftKey } from '../../../shared/visits/draft.ts';
import {
  type AssessmentArea,
  assessmentAreas,
  assessmentLevels,
  feedingCategories,
  languageResultGroups,
  languageSources,
  type ObservationSection,
  type ObservationValues,
  type ObservationValuesInput,
  observationSchema,
  sectionDefaults,
  smokerRoles,
} from '../../../shared/visits/observation.ts';
import { writer } from '../../db/write-store.ts';
import { useFocusProblemAfterRender } from '../../forms/focus-problem.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useDraft, useKeepOnChange } from '../../forms/use-draft.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { useErrorText } from '../../ui/field.tsx';
import { Choices } from './choices.tsx';
import { CorrectionBar, type SectionHistory, useCorrection } from './correction.tsx';

export type FormSectionName = Exclude<ObservationSection, 'measurements'>;

type VisitRef = { id: string; familyId: string; childId: string; editable: boolean };

type Props = {
  section: FormSectionName;
  visit: VisitRef;
  required: boolean;
  /** The section's current record (the last correction, or as recorded). */
  saved: { id: string; values: ObservationValues } | null;
  /** The section's record and corrections, for correcting it after the visit is signed. */
  history: SectionHistory | undefined;
  signer: Signer;
  /** Whether a result shared by the daycare may be recorded on the visit's date (language only). */
  daycareSharing?: { ok: boolean; message: string; consentHref: string };
};

/** The values as the form holds them: the schema's input shape, loosely typed for the draft. */
type Values = Record<string, unknown>;
type Area = { level: string; reason: string; note: string };

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
const asList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const asYesNo = (value: unknown): 'ja' | 'nej' | '' => (value === true ? 'ja' : value === false ? 'nej' : '');

export function SectionForm(props: Props) {
  const defaults = (props.saved?.values ?? sectionDefaults(props.section)) as Values;
  const draft = useDraft(observationDraftKey(props.visit.id, props.section), defaults, props.visit);
  if (!draft.state) return null;
  return <Section {...props} initial={draft.state.values} keep={draft.keep} discard={draft.discard} />;
}

function Section({
  section,
  visit,
  required,
  saved,
  history,
  signer,
  daycareSharing,
  initial,
  keep,
  discard,
}: Props & { initial: Values; keep: (values: Values) => void; discard: () => Promise<void> }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<Values>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  useKeepOnChange(values, keep);
  // A refused save takes the nurse to the first item to fix (the section may be screens long).
  const sectionRef = useRef<HTMLElement>(null);
  const focusProblem = useFocusProblemAfterRender();

  const set = (patch: Values) => {
    setValues((v) => ({ ...v, ...patch }));
    setStatus('');
  };
  const correction = useCorrection({
    history,
    signer,
    values: () => values as ObservationValuesInput,
    discard,
    onInvalid: (found) => {
      setErrors(found);
      setStatus(t('visits.sectionInvalid'));
      focusProblem(sectionRef.current);
    },
    onSaved: () => {
      setErrors({});
      setStatus(t('visits.correctionSaved'));
    },
    reset: () => {
      setErrors({});
      setValues((saved?.values ?? initial) as Values);
    },
  });
  const err = (path: string) => errorText(errors[path]);
  const disabled = !visit.editable && !correction.amending;
  const id = (name: string) => `${section}-${name}`;

  // A result shared by the daycare without the consent that allows it is not recorded.
  const blocked =
    section === 'language' &&
    values.source === 'dagtilbud-med-samtykke' &&
    daycareSharing !== undefined &&
    !daycareSharing.ok;
  const refuse = () => {
    setErrors({ source: 'validation.consentRequired' });
    setStatus(t('daycare.language.refused'));
  };

  const { attempt, message: saveFailure } = useSaveAttempt();
  const save = async () => {
    if (blocked) return refuse();
    const parsed = observationSchema.safeParse({
      visitId: visit.id,
      childId: visit.childId,
      familyId: visit.familyId,
      values,
      amendsId: '',
      amendmentReason: '',
    });
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.slice(1).join('.'), i.message])));
      setStatus(t('visits.sectionInvalid'));
      focusProblem(sectionRef.current);
      return;
    }
    setErrors({});
    if (saved) await writer.update('observation', saved.id, parsed.data);
    else await writer.create('observation', parsed.data);
    await discard();
    setStatus(t('visits.sectionSaved', { section: t(`visits.section.${section}`) }));
  };

  const reasonSelect = (name: string, value: unknown, onChange: (reason: string) => void) => (
    <div className="field">
      <label className="field__label" htmlFor={id(name)}>
        {t('visits.notCollectedLabel')}
      </label>
      <select id={id(name)} value={asText(value)} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {(['', ...notCollectedReasons] as const).map((r) => (
          <option key={r} value={r}>
            {r === '' ? t('visits.collected') : t(`visits.notCollected.${r}`)}
          </option>
        ))}
      </select>
    </div>
  );

  const textField = (name: string, label: string, value: unknown, onChange: (text: string) => void, rows = 0) => (
    <div className={`field${err(name) ? ' field--invalid' : ''}`}>
      <label className="field__label" htmlFor={id(name)}>
        {label}
      </label>
      {rows > 0 ? (
        <textarea
          id={id(name)}
          rows={rows}
          aria-invalid={Boolean(err(name))}
          value={asText(value)}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          id={id(name)}
          aria-invalid={Boolean(err(name))}
          value={asText(value)}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {err(name) ? <p className="field__error">{err(name)}</p> : null}
    </div>
  );

  const yesNo = (name: string, legend: string, value: unknown, onChange: (yes: boolean) => void) => (
    <Choices
      name={id(name)}
      legend={legend}
      values={['ja', 'nej'] as const}
      value={asYesNo(value)}
      label={(v) => t(`visits.answer.${v}`)}
      disabled={disabled}
      error={err(name)}
      onChange={(v) => onChange(v === 'ja')}
    />
  );

  const body = () => {
    switch (section) {
      case 'assessments': {
        const areas = (values.areas ?? {}) as Record<AssessmentArea, Area>;
        const setArea = (area: AssessmentArea, patch: Partial<Area>) =>
          set({ areas: { ...areas, [area]: { ...areas[area], ...patch } } });
        return (
          <>
            <p className="muted">{t('visits.assessmentsHint')}</p>
            {assessmentAreas.map((area) => {
              const a = areas[area] ?? { level: '', reason: '', note: '' };
              return (
                <div key={area} className="assessment-row">
                  <Choices
                    name={id(area)}
                    legend={t(`visits.area.${area}`)}
                    values={assessmentLevels}
                    value={a.level as (typeof assessmentLevels)[number] | ''}
                    label={(level) => t(`visits.level.${level}`)}
                    toggleClass={(level) => `toggle--level-${level}`}
                    disabled={disabled}
                    error={err(`areas.${area}.level`)}
                    onChange={(level) => setArea(area, { level, reason: '' })}
                  />
                  <div className="assessment-row__reason">
                    {reasonSelect(`${area}-reason`, a.reason, (reason) =>
                      setArea(area, reason === '' ? { reason } : { reason, level: '' }),
                    )}
                  </div>
                  {a.level === 'let-bekymring' || a.level === 'problem' || a.note !== '' ? (
                    <div className="assessment-row__note">
                      {textField(`areas.${area}.note`, t('visits.areaNote'), a.note, (note) => setArea(area, { note }))}
                    </div>
                  ) : null}
                </div>
              );
            })}
            {textField('note', t('visits.sectionNote'), values.note, (note) => set({ note }), 3)}
          </>
        );
      }
      case 'feeding':
        return (
          <>
            <Choices
              name={id('category')}
              legend={t('visits.field.category')}
              values={feedingCategories}
              value={asText(values.category) as (typeof feedingCategories)[number] | ''}
              label={(c) => t(`visits.feeding.${c}`)}
              disabled={disabled}
              error={err('category')}
              onChange={(category) => set({ category, reason: '' })}
            />
            <div className="field-group__fields">
              {dateField('periodFrom', t('visits.periodFrom'))}
              {dateField('periodTo', t('visits.periodTo'))}
            </div>
            {reasonSelect('reason', values.reason, (reason) =>
              set(reason === '' ? { reason } : { reason, category: '', periodFrom: '', periodTo: '' }),
            )}
            {textField('note', t('visits.sectionNote'), values.note, (note) => set({ note }), 2)}
          </>
        );
      case 'tobacco': {
        const who = asList(values.who);
        return (
          <>
            {yesNo('exposed', t('visits.exposedQuestion'), values.exposed, (exposed) =>
              set(exposed ? { exposed, reason: '' } : { exposed, reason: '', who: [], whoOther: '' }),
            )}
            {values.exposed === true ? (
              <fieldset className={`form__section${err('who') ? ' field--invalid' : ''}`}>
                <legend>{t('visits.field.who')}</legend>
                <div className="check-grid">
                  {smokerRoles.map((role) => (
                    <label key={role} className="checkbox">
                      <input
                        type="checkbox"
                        checked={who.includes(role)}
                        disabled={disabled}
                        onChange={(e) =>
                          set({ who: e.target.checked ? [...who, role] : who.filter((w) => w !== role) })
                        }
                      />
                      {t(`visits.smoker.${role}`)}
                    </label>
                  ))}
                </div>
                {err('who') ? <p className="field__error">{err('who')}</p> : null}
                {textField('whoOther', t('visits.whoOther'), values.whoOther, (whoOther) => set({ whoOther }))}
              </fieldset>
            ) : null}
            {reasonSelect('reason', values.reason, (reason) =>
              set(reason === '' ? { reason } : { reason, exposed: null, who: [], whoOther: '' }),
            )}
          </>
        );
      }
      case 'topi':
        return (
          <>
            <Choices
              name={id('judgement')}
              legend={t('visits.field.judgement')}
              values={topiJudgements}
              value={asText(values.judgement) as (typeof topiJudgements)[number] | ''}
              label={(j) => t(`instruments.topi.${j}`)}
              toggleClass={(j) => `toggle--topi-${j}`}
              disabled={disabled}
              error={err('judgement')}
              onChange={(judgement) => set({ judgement })}
            />
            {textField('note', t('visits.sectionNote'), values.note, (note) => set({ note }), 2)}
          </>
        );
      case 'language':
        return (
          <>
            <p className="muted">{t('visits.languageHint')}</p>
            {yesNo('done', t('visits.field.languageDone'), values.done, (done) =>
              set(done ? { done, reason: '' } : { done, reason: '', resultGroup: '', source: '' }),
            )}
            {values.done === true ? (
              <>
                <Choices
                  name={id('resultGroup')}
                  legend={t('visits.field.languageResult')}
                  values={languageResultGroups}
                  value={asText(values.resultGroup) as (typeof languageResultGroups)[number] | ''}
                  label={(g) => t(`visits.languageResult.${g}`)}
                  disabled={disabled}
                  error={err('resultGroup')}
                  onChange={(resultGroup) => set({ resultGroup })}
                />
                <Choices
                  name={id('source')}
                  legend={t('visits.field.languageSource')}
                  values={languageSources}
                  value={asText(values.source) as (typeof languageSources)[number] | ''}
                  label={(s) => t(`visits.languageSource.${s}`)}
                  disabled={disabled}
                  error={err('source')}
                  onChange={(source) => set({ source })}
                />
              </>
            ) : null}
            {reasonSelect('reason', values.reason, (reason) =>
              set(reason === '' ? { reason } : { reason, done: null, resultGroup: '', source: '' }),
            )}
          </>
        );
    }
  };

  function dateField(name: 'periodFrom' | 'periodTo', label: string) {
    return (
      <div className={`field${err(name) ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={id(name)}>
          {label}
        </label>
        <input
          id={id(name)}
          type="date"
          aria-invalid={Boolean(err(name))}
          value={asText(values[name])}
          disabled={disabled}
          onChange={(e) => set({ [name]: e.target.value })}
        />
        {err(name) ? <p className="field__error">{err(name)}</p> : null}
      </div>
    );
  }

  const heading = `${section}-heading`;
  return (
    <section className="card visit-section" id={`section-${section}`} aria-labelledby={heading} ref={sectionRef}>
      <h2 id={heading}>
        {t(`visits.section.${section}`)}
        {required ? <span className="field__required"> ({t('common.required')})</span> : null}
      </h2>
      {body()}
      {blocked && daycareSharing && !disabled ? (
        <div className="alert" role="alert">
          <p>{t('daycare.language.stopTitle')}</p>
          <p>{daycareSharing.message}</p>
          <Link href={daycareSharing.consentHref} className="button button--small">
            {t('daycare.basis.register')}
          </Link>
        </div>
      ) : null}
      <div className="inline-form__actions">
        <span role="status" className={Object.keys(errors).length > 0 ? 'field__error' : 'ok-text'}>
          {status}
        </span>
        {visit.editable ? (
          <button type="button" className="button button--primary" onClick={attempt(save)}>
            {t(`visits.sectionSave.${section}`)}
          </button>
        ) : null}
      </div>
      {saveFailure}
      {visit.editable ? null : (
        <CorrectionBar
          id={`${section}-correction`}
          {...correction.bar}
          onSign={async (reason) => (blocked ? refuse() : correction.bar.onSign(reason))}
          reasonError={err('amendmentReason')}
        />
      )}
    </section>
  );
}
