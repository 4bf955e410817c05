/**
 * A child's first 1000 days at a glance: an axis from birth to day 1000 with age ticks, today, and
 * each contact placed at its date — done (filled), planned (open ring, at the agreed or target
 * date, its window as a band) and cancelled or missed (cross) — and the cooperation with daycare:
 * signed handovers and interdisciplinary meetings (diamonds above the axis; the handover due before
 * a childcare start is a planned contact like the visits). The figure has a text alternative.
 */

import type { Contact } from '../../../shared/caseload/contact.ts';
import { timelinePosition } from '../../../shared/caseload/worklist.ts';
import { localToday } from '../../../shared/domain/age.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

type Props = {
  name: string;
  birthDate: string;
  contacts: { id: string; data: Contact }[];
  /** Signed handovers and interdisciplinary meetings, by date. */
  cooperation?: { id: string; date: string }[];
};

const WIDTH = 1000;
const HEIGHT = 96;
const AXIS_Y = 54;
const x = (fraction: number) => 20 + fraction * (WIDTH - 40);
const ticks = [
  { day: 0, label: 'birth' },
  { day: 183, label: 'months6' },
  { day: 365, label: 'year1' },
  { day: 548, label: 'year15' },
  { day: 730, label: 'year2' },
  { day: 913, label: 'year25' },
  { day: 1000, label: 'day1000' },
] as const;

export function Timeline({ name, birthDate, contacts, cooperation = [] }: Props) {
  const { t } = useTranslation();
  const today = timelinePosition(birthDate, localToday());
  const done = contacts.filter((c) => c.data.status === 'gennemfoert');
  const planned = contacts.filter((c) => c.data.status === 'planlagt');
  const missed = contacts.filter((c) => c.data.status !== 'gennemfoert' && c.data.status !== 'planlagt');
  const at = (date: string) => x(timelinePosition(birthDate, date).fraction);

  return (
    <figure className="timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${t('caseload.plan.timelineLabel', {
          name,
          done: done.length,
          planned: planned.length,
          missed: missed.length,
        })}${cooperation.length > 0 ? ` ${t('caseload.plan.timelineCooperation', { count: cooperation.length })}` : ''}`}
      >
        <line x1={x(0)} x2={x(1)} y1={AXIS_Y} y2={AXIS_Y} className="timeline__axis" />
        {ticks.map((tick) => (
          <g key={tick.day}>
            <line
              x1={x(tick.day / 1000)}
              x2={x(tick.day / 1000)}
              y1={AXIS_Y - 5}
              y2={AXIS_Y + 5}
              className="timeline__tick"
            />
            <text
              x={x(tick.day / 1000)}
              y={HEIGHT - 8}
              textAnchor={tick.day === 0 ? 'start' : tick.day === 1000 ? 'end' : 'middle'}
              className="timeline__label"
            >
              {t(`caseload.plan.ticks.${tick.label}`)}
            </text>
          </g>
        ))}
        {today.outside === null ? (
          <g>
            <line x1={x(today.fraction)} x2={x(today.fraction)} y1={26} y2={AXIS_Y + 10} className="timeline__today" />
            <text x={x(today.fraction)} y={20} textAnchor="middle" className="timeline__label timeline__label--today">
              {t('caseload.plan.today')}
            </text>
          </g>
        ) : null}
        {cooperation.map((c) => {
          const cx = at(c.date);
          const cy = AXIS_Y - 20;
          return (
            <path
              key={c.id}
              d={`M${cx} ${cy - 8} L${cx + 8} ${cy} L${cx} ${cy + 8} L${cx - 8} ${cy} Z`}
              className="timeline__cooperation"
            />
          );
        })}
        {planned.map((c) => (
          <g key={c.id}>
            <rect
              x={at(c.data.windowFrom)}
              width={Math.max(2, at(c.data.windowTo) - at(c.data.windowFrom))}
              y={AXIS_Y - 4}
              height={8}
              className="timeline__window"
            />
            <circle cx={at(c.data.plannedDate || c.data.targetDate)} cy={AXIS_Y} r={8} className="timeline__planned" />
          </g>
        ))}
        {done.map((c) => (
          <circle
            key={c.id}
            cx={at(c.data.doneDate || c.data.targetDate)}
            cy={AXIS_Y}
            r={8}
            className="timeline__done"
          />
        ))}
        {missed.map((c) => {
          const cx = at(c.data.plannedDate || c.data.targetDate);
          return (
            <path
              key={c.id}
              d={`M${cx - 6} ${AXIS_Y - 6} L${cx + 6} ${AXIS_Y + 6} M${cx + 6} ${AXIS_Y - 6} L${cx - 6} ${AXIS_Y + 6}`}
              className="timeline__missed"
            />
          );
        })}
      </svg>
      <figcaption className="timeline__legend">
        <span className="legend legend--done">{t('caseload.plan.legendDone')}</span>
        <span className="legend legend--planned">{t('caseload.plan.legendPlanned')}</span>
        <span className="legend legend--missed">{t('caseload.plan.legendMissed')}</span>
        {cooperation.length > 0 ? (
          <span className="legend legend--cooperation">{t('caseload.plan.legendCooperation')}</span>
        ) : null}
      </figcaption>
    </figure>
  );
}
