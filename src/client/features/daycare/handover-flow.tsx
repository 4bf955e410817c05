/**
 * The handover as a guided flow on the child (domain.md §5), in four steps: the recipient
 * (institution, person, form, date); the legal basis — the flow stops here without a consent in
 * force or a justified exception, with the explanation and a link to register the consent; the
 * content (the sections shared, each with the exact text, scores only with a consent covering
 * them, a note); and the parents' confirmation with signing. What is typed is kept in a draft as it
 * is typed (use-draft.ts) and saved with the handover's own draft record at every step.
 */
import { useState } from 'react';
import { Link } from 'wouter';
import type { Consent } from '../../../shared/caseload/consent.ts';
import { recordGate } from '../../../shared/caseload/disclosure.ts';
import { HANDOVER_DISCLOSURE } from '../../../shared/daycare/daycare-fields.ts';
import type { Handover, SharedScore } from '../../../shared/daycare/handover.ts';
import type { Institution } from '../../../shared/daycare/institution.ts';
import type { Signer } from '../../../shared/journal/signature.ts';
import { useSaveAttempt } from '../../forms/save-attempt.tsx';
import { useDraft } from '../../forms/use-draft.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import {
  discardHandover,
  disclosureDays,
  type FieldProblems,
  handoverDraftKey,
  saveHandoverDraft,
  signHandover,
} from './daycare-actions.ts';
import { BasisStep, ConfirmStep, ContentStep, RecipientStep } from './handover-steps.tsx';

export type FlowInstitution = { id: string; data: Institution };

export type HandoverFlowProps = {
  id: string;
  handover: Handover;
  institutions: FlowInstitution[];
  consents: (Consent & { id: string })[];
  /** The child's results that could be shared (TOPI, ADBB of signed visits). */
  availableScores: SharedScore[];
  caregiverNames: string[];
  me: Signer;
  consentHref: string;
  newInstitutionHref: string;
  onSigned: () => void;
  onDiscarded: () => void;
};

export const flowSteps = ['recipient', 'basis', 'content', 'confirm'] as const;
export type FlowStep = (typeof flowSteps)[number];

/** What the nurse edits: everything but the signature, the author and the server's times. */
const editable = (h: Handover) => {
  const { status: _s, signedBy: _b, signedById: _i, signedAt: _a, serverSignedAt: _v, recordedAt: _r, ...rest } = h;
  return rest;
};

export function HandoverFlow(props: HandoverFlowProps) {
  const { t } = useTranslation();
  const draft = useDraft(handoverDraftKey(props.id), editable(props.handover), props.handover);
  if (!draft.state) return <p className="muted">{t('app.loading')}</p>;
  return (
    <Flow
      {...props}
      initial={{ ...props.handover, ...(draft.state.values as Partial<Handover>) }}
      restored={draft.state.restored}
      keep={draft.keep}
      discard={draft.discard}
    />
  );
}

function Flow(
  props: HandoverFlowProps & {
    initial: Handover;
    restored: boolean;
    keep: (values: Record<string, unknown>) => void;
    discard: () => Promise<void>;
  },
) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Handover>(props.initial);
  const [step, setStep] = useState<FlowStep>('recipient');
  const [problems, setProblems] = useState<FieldProblems>({});
  const [refusal, setRefusal] = useState('');
  const days = disclosureDays(values.date);
  const gate = recordGate(props.consents, HANDOVER_DISCLOSURE, { ...values, scores: values.scores.length > 0 }, days);

  const set = (patch: Partial<Handover>) => {
    setValues((v) => {
      const next = { ...v, ...patch };
      props.keep(editable(next));
      return next;
    });
    setProblems({});
    setRefusal('');
  };
  const { attempt, message: saveFailure } = useSaveAttempt();
  const save = async () => {
    await saveHandoverDraft(props.id, values);
    await props.discard();
  };
  const go = async (to: FlowStep) => {
    await save();
    setStep(to);
  };
  const index = flowSteps.indexOf(step);
  const stepProblems = problemsOf(step, values);
  // The flow stops at the legal basis: without one, the steps after it cannot be reached.
  const canContinue = Object.keys(stepProblems).length === 0 && !(step === 'basis' && !gate.ok);

  const sign = async () => {
    const outcome = await signHandover(props.id, values, props.me);
    if (outcome.ok) {
      await props.discard();
      props.onSigned();
      return;
    }
    if ('fields' in outcome) setProblems(outcome.fields);
    else setRefusal(t('daycare.handover.refused', { reason: t(`daycare.basis.refusal.${outcome.gate}`) }));
  };

  return (
    <div className="handover-flow">
      {props.restored ? <p className="notice">{t('daycare.meeting.draftRestored')}</p> : null}
      <nav aria-label={t('daycare.handover.stepsLabel')} className="stepper">
        <ol>
          {flowSteps.map((s, i) => (
            <li key={s} className={s === step ? 'stepper__step stepper__step--current' : 'stepper__step'}>
              <button
                type="button"
                className="stepper__button"
                aria-current={s === step ? 'step' : undefined}
                disabled={!(i <= index || (i === index + 1 && canContinue))}
                onClick={attempt(() => go(s))}
              >
                <span className="stepper__number" aria-hidden="true">
                  {i + 1}
                </span>
                {t(`daycare.handover.steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <h2 className="visually-hidden">
        {t('daycare.handover.stepOf', {
          step: index + 1,
          count: flowSteps.length,
          name: t(`daycare.handover.steps.${step}`),
        })}
      </h2>
      {step === 'recipient' ? (
        <RecipientStep
          values={values}
          set={set}
          institutions={props.institutions}
          newInstitutionHref={props.newInstitutionHref}
        />
      ) : null}
      {step === 'basis' ? (
        <BasisStep values={values} set={set} consents={props.consents} days={days} consentHref={props.consentHref} />
      ) : null}
      {step === 'content' ? (
        <ContentStep
          values={values}
          set={set}
          availableScores={props.availableScores}
          scoresAllowed={gate.ok && gate.basis === 'samtykke' && gate.consent.instrumentScores}
        />
      ) : null}
      {step === 'confirm' ? (
        <ConfirmStep
          values={values}
          set={set}
          institutions={props.institutions}
          consent={gate.ok && gate.basis === 'samtykke' ? gate.consent : null}
          caregiverNames={props.caregiverNames}
          problems={problems}
        />
      ) : null}
      {refusal ? (
        <p className="alert" role="alert">
          {refusal}
        </p>
      ) : null}
      {saveFailure}
      {step !== 'confirm' && Object.keys(stepProblems).length > 0 ? (
        <ul className="muted" aria-live="polite">
          {Object.keys(stepProblems).map((field) => (
            <li key={field}>{t(`daycare.handover.problems.${field as 'form'}`)}</li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            if (!window.confirm(t('daycare.handover.discardConfirm'))) return;
            attempt(() => discardHandover(props.id).then(props.discard).then(props.onDiscarded))();
          }}
        >
          {t('daycare.handover.discard')}
        </button>
        <button type="button" className="button" onClick={attempt(save)}>
          {t('daycare.handover.saveDraft')}
        </button>
        {index > 0 ? (
          <button type="button" className="button" onClick={attempt(() => go(flowSteps[index - 1] ?? 'recipient'))}>
            {t('daycare.handover.previous')}
          </button>
        ) : null}
        {step === 'confirm' ? (
          <button type="button" className="button button--primary" onClick={attempt(sign)}>
            {t('daycare.handover.sign')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--primary"
            disabled={!canContinue}
            onClick={attempt(() => go(flowSteps[index + 1] ?? 'confirm'))}
          >
            {t('daycare.handover.next')}
          </button>
        )}
      </div>
      {step === 'confirm' ? <p className="muted">{t('daycare.handover.signHint')}</p> : null}
      {step === 'recipient' && props.institutions.length === 0 ? (
        <p>
          <Link href={props.newInstitutionHref}>{t('daycare.handover.addInstitution')}</Link>
        </p>
      ) : null}
    </div>
  );
}

/** What keeps a step from being left forward (the last step's are the schema's, shown on signing). */
function problemsOf(step: FlowStep, v: Handover): FieldProblems {
  const out: FieldProblems = {};
  if (step === 'recipient') {
    if (v.institutionId === '') out.institutionId = 'required';
    if (v.form === '') out.form = 'required';
  }
  if (step === 'content' && (v.sections.length === 0 || v.sections.some((s) => s.text.trim() === '')))
    out.sections = 'required';
  return out;
}
