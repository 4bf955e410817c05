/**
 * A bar chart drawn by Chart.js (docs/decisions/0041-charts.md). This module is only reached
 * through chart.tsx's lazy import, so Chart.js never enters the first screen's JavaScript. The
 * canvas is an image with a name that points to the table holding the same figures: the table is
 * the chart's text alternative. No animation, so print and screenshots show the final state.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ChartSpec } from './chart-spec.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export function BarChart({ spec, label, describedBy }: { spec: ChartSpec; label: string; describedBy: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color, borderWidth: 0 })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        // Sharp on paper: print at twice the screen's resolution at least.
        devicePixelRatio: Math.max(2, window.devicePixelRatio),
        indexAxis: spec.horizontal ? 'y' : 'x',
        scales: {
          x: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
        },
        plugins: { legend: { display: spec.series.length > 1, position: 'bottom' } },
      },
    });
    return () => chart.destroy();
  }, [spec]);
  const height = spec.horizontal ? Math.max(160, 34 * spec.labels.length + 60) : 240;
  return (
    <div className="eval-chart" style={{ height }}>
      <canvas ref={canvas} role="img" aria-label={label} aria-describedby={describedBy} />
    </div>
  );
}
