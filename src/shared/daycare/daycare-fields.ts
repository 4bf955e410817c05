/**
 * What the daycare-cooperation schemas share: their message keys (section "validation"), the
 * professions of partners, and the consent rules of their disclosures (caseload/disclosure.ts).
 * Lists are stored as keys; the UI shows them through the "daycare" catalogue section.
 */
import type { DisclosureRule } from '../caseload/disclosure.ts';
import { disclosureExceptions } from '../caseload/disclosure.ts';

export const daycareMsg = {
  /** A handover shares at least one section. */
  sectionsRequired: 'validation.sectionsRequired',
  /** A handover is signed only after the parents have confirmed what is shared. */
  confirmationRequired: 'validation.confirmationRequired',
} as const;

/** Partner professionals at meetings and in talks (domain.md §1: typically the daycare's pedagogue). */
export const professions = [
  'paedagog',
  'dagplejer',
  'paedagogisk-leder',
  'dagplejepaedagog',
  'talehoerepaedagog',
  'psykolog',
  'socialraadgiver',
  'familiebehandler',
  'fysioterapeut',
  'ergoterapeut',
  'laege',
  'sundhedsplejerske',
  'andet',
] as const;
export type Profession = (typeof professions)[number];

/** Handing over to dagpleje or daginstitution: the parents' consent, or an exception (sundhedsloven § 43). */
export const HANDOVER_DISCLOSURE: DisclosureRule = {
  consent: 'videregivelse-til-dagtilbud',
  exceptions: disclosureExceptions,
};

/**
 * An interdisciplinary meeting or home visit with a partner: the consent "tværfagligt møde", or the
 * one-off exchange in early preventive cooperation (barnets lov).
 */
export const MEETING_DISCLOSURE: DisclosureRule = {
  consent: 'tvaerfagligt-moede',
  exceptions: ['barnets-lov-tidlig-forebyggelse'],
};

/**
 * A language result the daycare shares with the health visitor: only with the parents' consent to
 * the exchange with daycare (no exception: the nurse can always ask the parents instead).
 */
export const LANGUAGE_RESULT_DISCLOSURE: DisclosureRule = { consent: 'videregivelse-til-dagtilbud', exceptions: [] };
