/**
 * What each area's chart shows, built from the indicators (pure, so the page can memoise it and a
 * test can read it): bar labels, one or more series, stacked or not. Every figure here is also in
 * the area's table (the chart's text alternative).
 */

import { contentInstruments } from '../../../shared/evaluation/content.ts';
import { cooperationKinds } from '../../../shared/evaluation/cooperation.ts';
import type { Indicators } from '../../../shared/evaluation/indicators.ts';
import { changeCategories } from '../../../shared/evaluation/outcomes.ts';
import type { Area } from '../../../shared/evaluation/table.ts';
import { timelinessCategories } from '../../../shared/evaluation/timeliness.ts';
import { assessmentAreas } from '../../../shared/visits/observation.ts';
import { visitMaterials } from '../../../shared/visits/visit.ts';

export type ChartSpec = {
  labels: string[];
  series: { label: string; data: number[]; color: string }[];
  stacked: boolean;
  horizontal: boolean;
};

/** Colours with at least 3:1 contrast to white, told apart by the legend and the table too. */
const colours = {
  children: '#1f5fa8',
  families: '#7a3e9d',
  single: '#1b6b5f',
  'in-window': '#2e7d32',
  early: '#8d6e00',
  late: '#c4540a',
  missing: '#b3261e',
  improved: '#2e7d32',
  unchanged: '#6b7280',
  worsened: '#b3261e',
};

type T = (key: string, options?: Record<string, string>) => string;

export function chartSpec(area: Area, ind: Indicators, t: T): ChartSpec {
  const plain = (pairs: [string, number][]): ChartSpec => ({
    labels: pairs.map(([l]) => l),
    series: [{ label: t('evaluation.table.count'), data: pairs.map(([, n]) => n), color: colours.single }],
    stacked: false,
    horizontal: true,
  });
  switch (area) {
    case 'reach': {
      const r = ind.reach;
      const bars: [string, { children: string[]; families: string[] }][] = [
        [t('evaluation.row.reach.identified'), r.identified],
        [t('evaluation.row.reach.offered'), r.offered],
        [t('evaluation.row.reach.accepted'), r.accepted],
        [t('evaluation.row.reach.declined'), r.declined],
        [
          t('evaluation.row.reach.completed', { value: t('caseload.plan.types.besoeg-1-5-aar') }),
          r.completed['besoeg-1-5-aar'],
        ],
        [
          t('evaluation.row.reach.completed', { value: t('caseload.plan.types.besoeg-3-aar') }),
          r.completed['besoeg-3-aar'],
        ],
        [t('evaluation.row.reach.lost'), r.lost],
      ];
      return {
        labels: bars.map(([l]) => l),
        series: [
          {
            label: t('evaluation.table.children'),
            data: bars.map(([, x]) => x.children.length),
            color: colours.children,
          },
          {
            label: t('evaluation.table.families'),
            data: bars.map(([, x]) => x.families.length),
            color: colours.families,
          },
        ],
        stacked: false,
        horizontal: true,
      };
    }
    case 'timeliness': {
      const rows = ind.timeliness.byVisit;
      return {
        labels: rows.map((r) => t(`caseload.plan.types.${r.type}`)),
        series: timelinessCategories.map((c) => ({
          label: t(`evaluation.timeliness.${c}`),
          data: rows.map((r) => r[c].n),
          color: colours[c],
        })),
        stacked: true,
        horizontal: true,
      };
    }
    case 'content': {
      const k = ind.content;
      return plain([
        ...contentInstruments.map((i): [string, number] => [t(`evaluation.instrument.${i}`), k.instruments[i].n]),
        ...visitMaterials.map((m): [string, number] => [t(`visits.material.${m}`), k.materials[m].n]),
      ]);
    }
    case 'cosp': {
      const p = ind.cosp;
      return plain([
        [t('evaluation.attendance.moedt'), p.attendance.moedt.n],
        [t('evaluation.attendance.afbud'), p.attendance.afbud.n],
        [t('evaluation.attendance.udeblevet'), p.attendance.udeblevet.n],
        [t('evaluation.row.cosp.completers'), p.completers.n],
        [t('evaluation.row.cosp.dropouts'), p.dropouts.n],
      ]);
    }
    case 'cooperation': {
      const c = ind.cooperation;
      return plain(
        cooperationKinds
          .filter((k) => c.captured[k])
          .map((k): [string, number] => [t(`evaluation.cooperation.${k}`), c.byKind[k].n]),
      );
    }
    case 'outcomes': {
      const o = ind.outcomes.assessmentChange;
      return {
        labels: assessmentAreas.map((a) => t(`visits.area.${a}`)),
        series: changeCategories.map((c) => ({
          label: t(`evaluation.matrix.${c}`),
          data: assessmentAreas.map((a) => o[a][c].n),
          color: colours[c],
        })),
        stacked: true,
        horizontal: true,
      };
    }
  }
}
