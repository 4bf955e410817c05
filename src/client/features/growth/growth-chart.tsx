/**
 * The growth chart: a child's measurements for age on the WHO 2006 percentile curves (P3, P15,
 * P50, P85, P97), drawn as SVG from the LMS tables; corrected age for a preterm child. Loaded
 * only when a chart is shown (the page imports it lazily; the tables are their own chunks).
 */
import { useEffect, useState } from 'react';
import { lmsAt, valueFromLms } from '../../../shared/growth/lms.ts';
import { inverseNormalCdf as inverseNormal } from '../../../shared/growth/normal.ts';
import { type GrowthReferences, type Indicator, loadGrowthReferences } from '../../../shared/growth/reference.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export type ChartPoint = { ageDays: number; weightKg: number | null; lengthCm: number | null; headCm: number | null };
type Measure = 'weight' | 'length' | 'head';

const indicatorOf: Record<Measure, Indicator> = {
  weight: 'weight-for-age',
  length: 'length-for-age',
  head: 'head-circumference-for-age',
};
const percentiles = [3, 15, 50, 85, 97];
const W = 900;
const H = 420;
const PAD = { left: 56, right: 24, top: 16, bottom: 40 };

export function GrowthChart({ sex, points }: { sex: 'pige' | 'dreng'; points: ChartPoint[] }) {
  const { t } = useTranslation();
  const [refs, setRefs] = useState<GrowthReferences | null>(null);
  const [measure, setMeasure] = useState<Measure>('weight');
  useEffect(() => {
    void loadGrowthReferences().then(setRefs);
  }, []);
  if (!refs) return <p className="muted">{t('app.loading')}</p>;

  const table = refs[indicatorOf[measure]];
  const measured = (p: ChartPoint) =>
    measure === 'weight' ? p.weightKg : measure === 'length' ? p.lengthCm : p.headCm;
  const shown = points.filter((p) => measured(p) !== null && p.ageDays >= 0 && p.ageDays <= 1826);
  const maxAge = Math.min(1826, Math.max(365, ...shown.map((p) => p.ageDays + 60)));
  const curves = percentiles.map((pct) => {
    const z = inverseNormal(pct / 100);
    const pts: [number, number][] = [];
    for (let day = 0; day <= maxAge; day += Math.max(1, Math.round(maxAge / 120))) {
      const lms = lmsAt(table, sex, day);
      if (lms) pts.push([day, valueFromLms(lms, z, measure === 'weight')]);
    }
    return { pct, pts };
  });
  const all = curves.flatMap((c) => c.pts.map(([, v]) => v)).concat(shown.map((p) => measured(p) ?? 0));
  const minV = Math.floor(Math.min(...all));
  const maxV = Math.ceil(Math.max(...all));
  const x = (day: number) => PAD.left + (day / maxAge) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - ((v - minV) / (maxV - minV || 1)) * (H - PAD.top - PAD.bottom);
  const unit = measure === 'weight' ? 'kg' : 'cm';

  return (
    <section className="card" aria-labelledby="growth-heading">
      <h2 id="growth-heading">{t('visits.growthChart')}</h2>
      <fieldset className="chart-tabs">
        <legend className="visually-hidden">{t('visits.growthChart')}</legend>
        {(['weight', 'length', 'head'] as const).map((m) => (
          <label key={m} className={`toggle${measure === m ? ' toggle--on' : ''}`}>
            <input type="radio" name="growth-measure" checked={measure === m} onChange={() => setMeasure(m)} />
            {t(`visits.chart.${m}`)}
          </label>
        ))}
      </fieldset>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="growth-chart"
        role="img"
        aria-label={t('visits.chartLabel', { measure: t(`visits.chart.${measure}`), count: shown.length })}
      >
        {curves.map((c) => (
          <g key={c.pct}>
            <polyline
              className={c.pct === 50 ? 'growth-chart__median' : 'growth-chart__curve'}
              points={c.pts.map(([d, v]) => `${x(d)},${y(v)}`).join(' ')}
            />
            <text
              x={x(c.pts.at(-1)?.[0] ?? 0) - 4}
              y={y(c.pts.at(-1)?.[1] ?? 0) - 4}
              className="growth-chart__label"
              textAnchor="end"
            >
              P{c.pct}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} className="growth-chart__axis" />
        <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={H - PAD.bottom} className="growth-chart__axis" />
        {[minV, Math.round((minV + maxV) / 2), maxV].map((v) => (
          <text key={v} x={PAD.left - 8} y={y(v) + 5} textAnchor="end" className="growth-chart__label">
            {v} {unit}
          </text>
        ))}
        {[0, Math.round(maxAge / 2), maxAge].map((d) => (
          <text key={d} x={x(d)} y={H - 12} textAnchor="middle" className="growth-chart__label">
            {d}
          </text>
        ))}
        {shown.map((p) => (
          <circle
            key={`${p.ageDays}-${measured(p)}`}
            cx={x(p.ageDays)}
            cy={y(measured(p) ?? 0)}
            r={7}
            className="growth-chart__point"
          />
        ))}
      </svg>
      <p className="muted">{t('visits.ageDays')}</p>
    </section>
  );
}
