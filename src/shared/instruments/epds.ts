/**
 * EPDS (Edinburgh Postnatal Depression Scale): 10 items about the last 7 days, answered by a parent.
 * Answers are option indexes 0–3 from the first option down; items 1, 2 and 4 score 0,1,2,3 and the
 * others are reverse-scored 3,2,1,0 (domain.md §3). A total is given only when all 10 are answered.
 * Any score above 0 on item 10 (thoughts of self-harm) raises 'self-harm' whatever the total, even
 * on an incomplete form. The cut-off per parent role comes from municipality settings.
 * Labels are our own short topic labels: the item wording is copyrighted and is not shipped.
 */
import * as z from 'zod/mini';
import { msg } from '../schemas/fields.ts';
import { answerList, checkComputed, intIn, normaliseAnswers, sum, unansweredItems, versionField } from './common.ts';

export const EPDS_VERSION = 'EPDS-DK-1';
export const EPDS_ITEM_COUNT = 10;
export const EPDS_MAX_ANSWER = 3;
export const EPDS_MAX_TOTAL = 30;
/** Item 10 asks about thoughts of harming oneself. */
export const EPDS_SELF_HARM_ITEM = 10;

export const epdsRoles = ['mor', 'far', 'medmor', 'anden'] as const;
export type EpdsRole = (typeof epdsRoles)[number];

export const epdsFlags = [
  /** Total at or above the cut-off for the parent's role: re-screen, then consider referral. */
  'above-cutoff',
  /** Item 10 scored above 0: always prompt a follow-up conversation. */
  'self-harm',
] as const;
export type EpdsFlag = (typeof epdsFlags)[number];

/** Short Danish topic labels (our own wording) with i18n keys; `reversed` items score 3 − answer. */
export const epdsItems = [
  { item: 1, key: 'instruments.epds.item1', label: 'Grine og se det sjove', reversed: false },
  { item: 2, key: 'instruments.epds.item2', label: 'Glæde sig til ting', reversed: false },
  { item: 3, key: 'instruments.epds.item3', label: 'Bebrejde sig selv', reversed: true },
  { item: 4, key: 'instruments.epds.item4', label: 'Ængstelig eller bekymret', reversed: false },
  { item: 5, key: 'instruments.epds.item5', label: 'Bange eller panisk', reversed: true },
  { item: 6, key: 'instruments.epds.item6', label: 'Ting vokser en over hovedet', reversed: true },
  { item: 7, key: 'instruments.epds.item7', label: 'Sover dårligt af ulykkelighed', reversed: true },
  { item: 8, key: 'instruments.epds.item8', label: 'Trist eller elendig', reversed: true },
  { item: 9, key: 'instruments.epds.item9', label: 'Græder af ulykkelighed', reversed: true },
  { item: 10, key: 'instruments.epds.item10', label: 'Tanker om at skade sig selv', reversed: true },
] as const;

export type EpdsCutoffs = Readonly<Record<EpdsRole, number>>;

/** Danish validation: ≥11 for mothers, ≥10 for fathers and co-parents (municipalities use 9–14). */
export const defaultEpdsCutoffs: EpdsCutoffs = { mor: 11, far: 10, medmor: 10, anden: 10 };

const cutoffField = intIn(1, EPDS_MAX_TOTAL);

/** Municipality settings: the cut-off per role. */
export const epdsCutoffsSchema = z.object({
  mor: cutoffField,
  far: cutoffField,
  medmor: cutoffField,
  anden: cutoffField,
});

/** The score of one answer (option index) on one item (1-based). */
export function epdsItemScore(item: number, answer: number): number {
  return epdsItems[item - 1]?.reversed ? EPDS_MAX_ANSWER - answer : answer;
}

/** Item scores, total and flags from the answers and the cut-off: the only way they are made. */
function computeEpds(answers: readonly (number | null)[], cutoff: number) {
  const itemScores = answers.map((answer, i) => (answer === null ? null : epdsItemScore(i + 1, answer)));
  const complete = itemScores.every((score) => score !== null);
  const total = complete ? sum(itemScores as number[]) : null;
  const selfHarm = itemScores[EPDS_SELF_HARM_ITEM - 1] ?? 0;
  const flags: EpdsFlag[] = [];
  if (total !== null && total >= cutoff) flags.push('above-cutoff');
  if (selfHarm > 0) flags.push('self-harm');
  return { itemScores, total, flags };
}

export const epdsResponseBaseSchema = z.object({
  instrument: z.literal('EPDS'),
  version: versionField,
  role: z.enum(epdsRoles, { error: msg.invalidChoice }),
  /** Option indexes, null when not answered. */
  answers: answerList(EPDS_ITEM_COUNT, EPDS_MAX_ANSWER),
  itemScores: answerList(EPDS_ITEM_COUNT, EPDS_MAX_ANSWER),
  /** Null until all items are answered. */
  total: z.nullable(intIn(0, EPDS_MAX_TOTAL)),
  /** The cut-off in force when the response was scored. */
  cutoff: cutoffField,
  flags: z.array(z.enum(epdsFlags)),
});

/** A stored response; its scores and flags must be what its answers and cut-off give. */
export const epdsResponseSchema = epdsResponseBaseSchema.check(
  z.superRefine((response, ctx) => checkComputed(response, computeEpds(response.answers, response.cutoff), ctx)),
);

export type EpdsResponse = z.output<typeof epdsResponseSchema>;

export type EpdsScoring = {
  response: EpdsResponse;
  /** 1-based item numbers without a valid answer; the total is null unless this is empty. */
  missingItems: number[];
};

export function scoreEpds(
  input: { role: EpdsRole; answers: readonly (number | null | undefined)[] },
  cutoffs: Partial<EpdsCutoffs> = {},
): EpdsScoring {
  const answers = normaliseAnswers(input.answers, EPDS_ITEM_COUNT, EPDS_MAX_ANSWER);
  const cutoff = cutoffs[input.role] ?? defaultEpdsCutoffs[input.role];
  return {
    response: {
      instrument: 'EPDS',
      version: EPDS_VERSION,
      role: input.role,
      answers,
      cutoff,
      ...computeEpds(answers, cutoff),
    },
    missingItems: unansweredItems(answers),
  };
}
