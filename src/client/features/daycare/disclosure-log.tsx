/**
 * The family page's disclosure log ("videregivet til …"): each handover, addition and
 * interdisciplinary meeting with its date, recipient, the health visitor who signed, and its legal
 * basis; a disclosure made before a later withdrawal stays, marked with the withdrawal. Built by
 * the shared disclosureLog; the page supplies names of children and institutions and the links.
 */

import { Link } from 'wouter';
import type { DisclosureEntry } from '../../../shared/daycare/disclosure-log.ts';
import type { HandoverForm } from '../../../shared/daycare/handover.ts';
import type { MeetingType } from '../../../shared/daycare/meeting.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { formatDate } from '../../ui/dates.ts';

type Props = {
  entries: DisclosureEntry[];
  childName: (childId: string) => string;
  institutionName: (id: string) => string;
  href: (entry: DisclosureEntry) => string;
};

export function DisclosureLog({ entries, childName, institutionName, href }: Props) {
  const { t, i18n } = useTranslation();
  const date = (d: string) => formatDate(d, i18n.language);
  return (
    <section className="card disclosure-log" aria-labelledby="disclosure-log-heading">
      <h2 id="disclosure-log-heading">{t('daycare.log.title')}</h2>
      {entries.length === 0 ? (
        <p className="muted">{t('daycare.log.empty')}</p>
      ) : (
        <ul className="plain-list">
          {entries.map((e) => {
            const to = [institutionName(e.institutionId), ...e.recipients].filter(Boolean).join(', ');
            const what =
              e.kind === 'handover'
                ? e.additionOf
                  ? t('daycare.log.addition', { reason: e.amendmentReason })
                  : e.what
                    ? t(`daycare.forms.${e.what as HandoverForm}`)
                    : t('daycare.cooperation.handover')
                : t(`caseload.plan.types.${e.what as MeetingType}`);
            return (
              <li key={e.id} className="row-item row-item--stack disclosure-log__entry">
                <p>
                  <strong>{date(e.date)}</strong> · <Link href={href(e)}>{what}</Link> · {childName(e.childId)}
                </p>
                <p>
                  {t('daycare.log.to', { to: to || '–' })} {t('daycare.log.by', { who: e.by })}
                </p>
                <p className="muted">
                  {e.basis === 'undtagelse' && e.exception
                    ? `${t('daycare.basis.summaryException', { exception: t(`daycare.basis.exceptionsShort.${e.exception}`) })} – ${e.justification}`
                    : t('daycare.basis.summaryConsent', { date: date(e.consentDate) })}
                  {e.sections.length > 0
                    ? ` · ${t('daycare.log.sections', { sections: e.sections.map((s) => t(`daycare.sections.${s}`)).join(', ') })}`
                    : ''}
                  {e.scores > 0 ? ` · ${t('daycare.log.scores', { count: e.scores })}` : ''}
                </p>
                {e.withdrawnSince ? (
                  <p className="notice">{t('daycare.log.withdrawnSince', { date: date(e.withdrawnSince) })}</p>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
