/**
 * A child's result as the text a handover shares (ADBB's total is of 32, domain.md §3; not imported
 * from the instrument module, which would bring date-fns into this screen's chunk).
 */

import type { SharedScore } from '../../../shared/daycare/handover.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ScoreFact } from './daycare-loaders.ts';

/**
 * The result as the text shared (kept in the snapshot exactly as shared): always in Danish,
 * whatever the UI language, since the letter goes to a Danish daycare.
 */
export function useScoreText(): (fact: ScoreFact) => SharedScore {
  const { i18n } = useTranslation();
  const da = (key: string) => i18n.translate('da', key);
  return (fact) => ({
    instrument: fact.instrument,
    date: fact.date,
    sourceId: fact.sourceId,
    result:
      fact.instrument === 'TOPI'
        ? da(`instruments.topi.${fact.judgement}`)
        : `${fact.total} af 32 (grænse ${fact.cutoff})`,
  });
}
