/** A lazily loaded bar chart (Chart.js arrives with the first chart, not with the app). */
import { lazy, Suspense } from 'react';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ChartSpec } from './chart-spec.ts';

const BarChart = lazy(async () => ({ default: (await import('./bar-chart.tsx')).BarChart }));

export function LazyChart({ spec, title, tableId }: { spec: ChartSpec; title: string; tableId: string }) {
  const { t } = useTranslation();
  if (spec.labels.length === 0 || spec.series.every((s) => s.data.every((n) => n === 0)))
    return <p className="muted">{t('evaluation.chart.empty')}</p>;
  return (
    <Suspense fallback={<p className="muted eval-chart eval-chart--loading">{t('evaluation.chart.loading')}</p>}>
      <BarChart spec={spec} label={t('evaluation.chart.label', { title })} describedBy={tableId} />
    </Suspense>
  );
}
