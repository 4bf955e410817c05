/**
 * i18n keys of the visits domain (section "visits" of the catalogue): one key per section, field
 * and choice, built by rule so the UI, the print summary and the catalogue agree. `visitLabelKeys`
 * lists every key, for a catalogue completeness test on the client.
 */
import type { PlausibilityWarning } from '../growth/plausibility.ts';
import { adbbAgeWarnings, adbbFlags } from '../instruments/adbb.ts';
import { epdsFlags, epdsRoles } from '../instruments/epds.ts';
import { notCollectedReasons } from './common.ts';
import {
  assessmentAreas,
  assessmentLevels,
  feedingCategories,
  languageResultGroups,
  languageSources,
  lengthPositions,
  smokerRoles,
} from './observation.ts';
import { formSections } from './templates.ts';
import { contactModes, participantRoles, referralTargets, visitMaterials, visitStatuses, visitTypes } from './visit.ts';

const plausibilityWarnings = [
  'implausible',
  'extreme',
  'large-change',
  'decrease',
  'no-reference',
] as const satisfies readonly PlausibilityWarning[];

/** Groups of choice labels: `visits.<group>.<value>`. */
export const choiceGroups = {
  type: visitTypes,
  contactMode: contactModes,
  status: visitStatuses,
  participantRole: participantRoles,
  material: visitMaterials,
  notCollected: notCollectedReasons,
  area: assessmentAreas,
  level: assessmentLevels,
  feeding: feedingCategories,
  smoker: smokerRoles,
  lengthPosition: lengthPositions,
  languageResult: languageResultGroups,
  languageSource: languageSources,
  answer: ['ja', 'nej'],
  referral: referralTargets,
  epdsRole: epdsRoles,
  epdsFlag: epdsFlags,
  adbbFlag: adbbFlags,
  adbbAgeWarning: adbbAgeWarnings,
  plausibility: plausibilityWarnings,
} as const;
export type ChoiceGroup = keyof typeof choiceGroups;

/** Summary sections beyond the form sections. */
export const summaryParts = ['visit', 'content', 'journal'] as const;

/** Field labels: `visits.field.<name>`. */
export const fieldNames = [
  'type',
  'contactMode',
  'date',
  'time',
  'participants',
  'status',
  'signed',
  'weight',
  'length',
  'head',
  'level',
  'note',
  'category',
  'period',
  'exposed',
  'who',
  'judgement',
  'languageDone',
  'languageResult',
  'languageSource',
  'parent',
  'epdsRole',
  'total',
  'incomplete',
  'flags',
  'followUp',
  'ageWarning',
  'materials',
  'topics',
  'agreements',
  'nextContact',
  'amended',
  'amendmentReason',
  'author',
  'duplicate',
  'missing',
  'referrals',
  'notification',
] as const;
export type FieldName = (typeof fieldNames)[number];

export const sectionLabel = (section: string) => `visits.section.${section}`;
export const fieldLabel = (field: FieldName) => `visits.field.${field}`;
/** Visit types share the caseload plan's labels (one name per type across the app). */
export const choiceLabel = (group: ChoiceGroup, value: string) =>
  group === 'type' ? `caseload.plan.types.${value}` : `visits.${group}.${value}`;
/** Topics are keys a municipality may extend, so their labels come from its own list. */
export const topicLabel = (topic: string) => `visits.topic.${topic}`;

/**
 * Every key built here; TOPI judgements use the instrument's own keys (instruments/topi.ts). Pass the
 * topic keys in use (e.g. the visit module's `defaultVisitTopics`) to include their labels.
 */
export function visitLabelKeys(topics: readonly string[] = []): string[] {
  return [
    ...[...formSections, ...summaryParts].map(sectionLabel),
    ...fieldNames.map(fieldLabel),
    ...Object.entries(choiceGroups).flatMap(([group, values]) =>
      values.map((value: string) => choiceLabel(group as ChoiceGroup, value)),
    ),
    ...topics.map(topicLabel),
  ];
}
