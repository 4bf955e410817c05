/**
 * The data description that goes with the pseudonymised event file: what each column holds and,
 * per event, the codes of its `detail` and `value` columns with their meaning. Built from the same
 * code lists the export uses, so it cannot miss a code; texts come translated from the caller
 * (`t` gets i18n keys of the catalogue), so it is in the UI's language.
 */

import { dropoutCategories, enrollmentOutcomes } from '../cosp/enrollment.ts';
import { epdsRoles } from '../instruments/epds.ts';
import { topiJudgements } from '../instruments/topi.ts';
import { declineReasons, inclusionReasons, lostReasons, offerAnswers } from '../schemas/family.ts';
import { assessmentAreas, assessmentLevels } from '../visits/observation.ts';
import { contactModes, defaultVisitTopics, referralTargets, visitMaterials, visitTypes } from '../visits/visit.ts';
import { cooperationKinds } from './cooperation.ts';
import { csvFile } from './csv.ts';
import { type EventCode, eventCodes, exportColumns } from './event-export.ts';
import type { EvaluationSettings } from './records.ts';
import { timelinessCategories } from './timeliness.ts';

type Code = { code: string; label: string };
type Domain = Code[] | { range: string };
const codes = (list: readonly string[], prefix: string): Code[] =>
  list.map((code) => ({ code, label: `${prefix}${code}` }));
const special = (code: string): Code => ({ code, label: `evaluation.codes.${code}` });

export function eventCodebook(
  settings: Pick<EvaluationSettings, 'schedule'>,
): Record<EventCode, { detail?: Domain; value?: Domain }> {
  return {
    inklusion: { detail: codes(inclusionReasons, 'family.inclusionReasons.') },
    tilbud: {
      detail: [...codes(offerAnswers, 'family.offer.answers.'), special('ikke-svaret')],
      value: codes(declineReasons, 'family.offer.declineReasons.'),
    },
    ophoert: { detail: codes(lostReasons, 'family.lost.reasons.') },
    kontakt: {
      detail: settings.schedule.map((e) => ({ code: e.key, label: `=${e.label}` })),
      value: codes(timelinessCategories, 'evaluation.timeliness.'),
    },
    besoeg: { detail: codes(visitTypes, 'caseload.plan.types.'), value: codes(contactModes, 'visits.contactMode.') },
    materiale: { detail: codes(visitMaterials, 'visits.material.') },
    emne: { detail: codes(defaultVisitTopics, 'visits.topic.') },
    henvisning: { detail: codes(referralTargets, 'visits.referral.') },
    underretning: {},
    vurdering: { detail: codes(assessmentAreas, 'visits.area.'), value: codes(assessmentLevels, 'visits.level.') },
    epds: { detail: codes(epdsRoles, 'visits.epdsRole.'), value: { range: '0–30' } },
    'epds-over-graense': { detail: codes(epdsRoles, 'visits.epdsRole.') },
    adbb: { value: { range: '0–32' } },
    'adbb-over-graense': {},
    topi: { value: codes(topiJudgements, 'instruments.topi.') },
    'cosp-fremmoede': {
      detail: { range: '1–30' },
      value: [...codes(['moedt', 'afbud', 'udeblevet'], 'evaluation.attendance.'), special('ikke-registreret')],
    },
    'cosp-udfald': {
      detail: [...codes(enrollmentOutcomes, 'cosp.outcomes.'), special('ikke-angivet')],
      value: [...codes(dropoutCategories, 'cosp.dropoutCategories.'), special('ikke-angivet')],
    },
    samarbejde: { detail: codes(cooperationKinds, 'evaluation.cooperation.') },
  };
}

export type DescriptionMeta = { period: string; scope: string; generated: string };

/**
 * The description as a text file (UTF-8 with BOM, CRLF). `t` translates a catalogue key; a label
 * starting with "=" is the municipality's own text (a schedule entry's name) and is used as it is.
 */
export function eventsDescription(
  settings: Pick<EvaluationSettings, 'schedule'>,
  meta: DescriptionMeta,
  t: (key: string) => string,
): string {
  const label = (l: string) => (l.startsWith('=') ? l.slice(1) : t(l));
  const domain = (d: Domain | undefined) =>
    d === undefined ? [] : 'range' in d ? [`    ${d.range}`] : d.map((c) => `    ${c.code} = ${label(c.label)}`);
  const book = eventCodebook(settings);
  const lines = [
    t('evaluation.description.title'),
    '',
    `${t('evaluation.description.period')}: ${meta.period}`,
    `${t('evaluation.description.scope')}: ${meta.scope}`,
    `${t('evaluation.description.generated')}: ${meta.generated}`,
    '',
    t('evaluation.description.about'),
    t('evaluation.description.format'),
    '',
    t('evaluation.description.columns'),
    ...exportColumns.map((column) => `  ${column}: ${t(`evaluation.description.column.${column}`)}`),
    '',
    t('evaluation.description.events'),
  ];
  for (const code of eventCodes) {
    const entry = book[code];
    lines.push('', `  ${code}: ${t(`evaluation.description.event.${code}`)}`);
    if (entry.detail) lines.push(`   ${exportColumns[4]}:`, ...domain(entry.detail));
    if (entry.value) lines.push(`   ${exportColumns[5]}:`, ...domain(entry.value));
  }
  return csvFile(lines);
}
