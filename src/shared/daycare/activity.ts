/**
 * Team activities with daycare that carry no personal data (domain.md §1): talks the health visitor
 * gives to daycare staff (oplæg i dagtilbud) and meetings of the interdisciplinary competence forum
 * (kompetenceforum). Counted for evaluation (domain.md §7): date, institutions, topic, participants
 * (count and professions), duration. Not part of any family's journal; `activityPersonalDataHints`
 * warns while typing when a child's or parent's name or a CPR-like number appears (a reminder, as in
 * COS-P's group note, not a filter).
 */
import * as z from 'zod/mini';
import { personalDataHints } from '../cosp/group-note.ts';
import { choice, isoDate, msg, optionalNumber, optionalText } from '../schemas/fields.ts';
import { choiceList } from '../visits/common.ts';
import { professions } from './daycare-fields.ts';

export const activityTypes = ['oplaeg', 'kompetenceforum'] as const;
export type ActivityType = (typeof activityTypes)[number];

/** Topics offered (stored as keys; a municipality's own goes in topicOther). */
export const activityTopics = [
  'sprog',
  'soevn',
  'mad-og-maaltider',
  'motorik',
  'samspil-og-tilknytning',
  'trivsel',
  'overgange',
  'foraeldresamarbejde',
  'sygdom-og-hygiejne',
  'tryghedscirklen',
  'andet',
] as const;

const uniqueIds = (list: readonly string[]) => new Set(list).size === list.length;

export const activitySchema = z
  .object({
    type: choice(activityTypes),
    date: isoDate,
    durationMinutes: optionalNumber(5, 600, { integer: true }),
    /** The institutions the talk was given at or that took part (the team's register). */
    institutionIds: z._default(
      z
        .array(z.uuid({ error: msg.invalidChoice }))
        .check(z.maxLength(20, { error: msg.tooLong }), z.refine(uniqueIds, { error: 'validation.duplicateChoice' })),
      [],
    ),
    /** Institutions not in the register (names of places, never of people). */
    institutionOther: optionalText(200),
    topics: choiceList(activityTopics),
    topicOther: optionalText(200),
    participantsCount: optionalNumber(0, 500, { integer: true }),
    professions: choiceList(professions),
    /** Who gave it or took part from the health visitors. */
    staff: optionalText(400),
    notes: optionalText(4000),
  })
  .check(
    z.superRefine((a, ctx) => {
      const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', input: '', path: [path], message });
      if (a.topics.length === 0 && a.topicOther === '') add('topics', msg.required);
      if (a.topics.includes('andet') && a.topicOther === '') add('topicOther', msg.required);
    }),
  );

export type Activity = z.output<typeof activitySchema>;
export type ActivityInput = z.input<typeof activitySchema>;

/** The free texts of an activity that must stay free of personal data. */
export const activityTexts = (a: Pick<Activity, 'notes' | 'topicOther' | 'institutionOther'>) =>
  [a.topicOther, a.institutionOther, a.notes].join('\n');

/**
 * Likely personal data in an activity's free text: CPR-like numbers and the names of the caseload's
 * children and caregivers (shared rule of COS-P's group note).
 */
export const activityPersonalDataHints = (
  a: Pick<Activity, 'notes' | 'topicOther' | 'institutionOther'>,
  caseloadNames: readonly string[],
) => personalDataHints(activityTexts(a), caseloadNames);

/** Activities of a type within a period (inclusive dates), newest first. */
export function activitiesIn<T extends { id: string; data: Pick<Activity, 'type' | 'date'> }>(
  list: readonly T[],
  period: { from: string; to: string },
  type?: ActivityType,
): T[] {
  return list
    .filter(
      (a) => a.data.date >= period.from && a.data.date <= period.to && (type === undefined || a.data.type === type),
    )
    .toSorted((a, b) => (a.data.date < b.data.date ? 1 : a.data.date > b.data.date ? -1 : a.id < b.id ? -1 : 1));
}
