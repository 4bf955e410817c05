/**
 * The rows of the indicator table, area by area (table.ts has the row type and the builder): which
 * figures are listed, in which order, with which labels, shares and additive relations.
 */
import { declineReasons, lostReasons } from '../schemas/family.ts';
import { assessmentAreas } from '../visits/observation.ts';
import { referralTargets, visitMaterials } from '../visits/visit.ts';
import { contentInstruments } from './content.ts';
import { cooperationKinds, legalBases } from './cooperation.ts';
import { dropoutReasonKeys } from './cosp.ts';
import type { Indicators } from './indicators.ts';
import { changeCategories, followUpCategories } from './outcomes.ts';
import { type IndicatorTable, type TableBuilder, tableBuilder, type Unit } from './table.ts';
import { timelinessCategories } from './timeliness.ts';

export function indicatorTable(ind: Indicators): IndicatorTable {
  const b = tableBuilder();
  visitRows(b, ind);
  programmeRows(b, ind);
  return b.table;
}

/** Reach, timeliness and content. */
function visitRows({ add, relate }: TableBuilder, ind: Indicators) {
  // Reach.
  const r = ind.reach;
  add({
    id: 'reach.identified',
    area: 'reach',
    label: { key: 'evaluation.row.reach.identified' },
    unit: 'children',
    tally: r.identified,
  });
  add({
    id: 'reach.offered',
    area: 'reach',
    label: { key: 'evaluation.row.reach.offered' },
    unit: 'families',
    tally: r.offered,
  });
  const answer = (k: 'accepted' | 'declined' | 'unanswered') =>
    add({
      id: `reach.${k}`,
      area: 'reach',
      label: { key: `evaluation.row.reach.${k}` },
      unit: 'families',
      tally: r[k],
      shareOf: 'reach.offered',
      level: 1,
    });
  answer('accepted');
  answer('declined');
  for (const reason of declineReasons)
    add({
      id: `reach.declined.${reason}`,
      area: 'reach',
      label: { key: 'evaluation.row.reach.declinedReason', value: `family.offer.declineReasons.${reason}` },
      unit: 'families',
      tally: r.declinedByReason[reason],
      level: 2,
    });
  answer('unanswered');
  relate('reach.offered', ['reach.accepted', 'reach.declined', 'reach.unanswered']);
  relate(
    'reach.declined',
    declineReasons.map((x) => `reach.declined.${x}`),
  );
  for (const type of ['besoeg-1-5-aar', 'besoeg-3-aar'] as const)
    add({
      id: `reach.completed.${type}`,
      area: 'reach',
      label: { key: 'evaluation.row.reach.completed', value: `caseload.plan.types.${type}` },
      unit: 'children',
      tally: r.completed[type],
    });
  add({
    id: 'reach.lost',
    area: 'reach',
    label: { key: 'evaluation.row.reach.lost' },
    unit: 'families',
    tally: r.lost,
  });
  for (const reason of lostReasons)
    add({
      id: `reach.lost.${reason}`,
      area: 'reach',
      label: { key: 'evaluation.row.reach.lostReason', value: `family.lost.reasons.${reason}` },
      unit: 'families',
      tally: r.lostByReason[reason],
      level: 1,
    });
  relate(
    'reach.lost',
    lostReasons.map((x) => `reach.lost.${x}`),
  );

  // Timeliness, per visit and in total.
  const timelinessRows = (prefix: string, labelValue: string | undefined, row: Indicators['timeliness']['total']) => {
    add({
      id: `${prefix}.judged`,
      area: 'timeliness',
      label: {
        key: labelValue ? 'evaluation.row.timeliness.judgedOf' : 'evaluation.row.timeliness.judged',
        ...(labelValue ? { value: labelValue } : {}),
      },
      unit: 'visits',
      tally: row.judged,
    });
    for (const cat of timelinessCategories)
      add({
        id: `${prefix}.${cat}`,
        area: 'timeliness',
        label: { key: `evaluation.row.timeliness.${cat}` },
        unit: 'visits',
        tally: row[cat],
        shareOf: `${prefix}.judged`,
        level: 1,
      });
    relate(
      `${prefix}.judged`,
      timelinessCategories.map((c) => `${prefix}.${c}`),
      ['count'],
    );
  };
  timelinessRows('timeliness.total', undefined, ind.timeliness.total);
  for (const row of ind.timeliness.byVisit)
    timelinessRows(`timeliness.${row.key}`, `caseload.plan.types.${row.type}`, row);
  relate(
    'timeliness.total.judged',
    ind.timeliness.byVisit.map((row) => `timeliness.${row.key}.judged`),
    ['count'],
  );

  // Content (visits may use several: no additive relations).
  const k = ind.content;
  add({
    id: 'content.visits',
    area: 'content',
    label: { key: 'evaluation.row.content.visits' },
    unit: 'visits',
    tally: k.visits,
  });
  for (const i of contentInstruments)
    add({
      id: `content.instrument.${i}`,
      area: 'content',
      label: { key: 'evaluation.row.content.instrument', value: `evaluation.instrument.${i}` },
      unit: 'visits',
      tally: k.instruments[i],
      shareOf: 'content.visits',
      level: 1,
    });
  for (const m of visitMaterials)
    add({
      id: `content.material.${m}`,
      area: 'content',
      label: { key: 'evaluation.row.content.material', value: `visits.material.${m}` },
      unit: 'visits',
      tally: k.materials[m],
      shareOf: 'content.visits',
      level: 1,
    });
  for (const { topic, tally } of k.topics)
    add({
      id: `content.topic.${topic}`,
      area: 'content',
      label: { key: 'evaluation.row.content.topic', value: `visits.topic.${topic}` },
      unit: 'visits',
      tally,
      shareOf: 'content.visits',
      level: 1,
    });
}

/** COS-P, cooperation with daycare and the outcome proxies. */
function programmeRows({ add, relate }: TableBuilder, ind: Indicators) {
  // COS-P.
  const p = ind.cosp;
  const plain = (id: string, unit: Unit, n: number) =>
    add({ id, area: 'cosp', label: { key: `evaluation.row.${id}` }, unit, count: n, children: null, families: null });
  plain('cosp.coursesStarted', 'courses', p.coursesStarted);
  plain('cosp.coursesCompleted', 'courses', p.coursesCompleted);
  plain('cosp.sessionsHeld', 'sessions', p.sessionsHeld);
  const reg = p.attendance.moedt.n + p.attendance.afbud.n + p.attendance.udeblevet.n;
  add({
    id: 'cosp.registered',
    area: 'cosp',
    label: { key: 'evaluation.row.cosp.registered' },
    unit: 'registrations',
    count: reg,
    children: null,
    families: null,
  });
  for (const s of ['moedt', 'afbud', 'udeblevet'] as const)
    add({
      id: `cosp.attendance.${s}`,
      area: 'cosp',
      label: { key: 'evaluation.row.cosp.attendance', value: `evaluation.attendance.${s}` },
      unit: 'registrations',
      tally: p.attendance[s],
      children: null,
      families: null,
      shareOf: 'cosp.registered',
      level: 1,
    });
  relate(
    'cosp.registered',
    ['moedt', 'afbud', 'udeblevet'].map((s) => `cosp.attendance.${s}`),
    ['count'],
  );
  add({
    id: 'cosp.unrecorded',
    area: 'cosp',
    label: { key: 'evaluation.row.cosp.unrecorded' },
    unit: 'registrations',
    tally: p.attendance.unrecorded,
    children: null,
    families: null,
  });
  add({
    id: 'cosp.participants',
    area: 'cosp',
    label: { key: 'evaluation.row.cosp.participants' },
    unit: 'participants',
    tally: p.participants,
  });
  const outcomes = ['completers', 'dropouts', 'notStarted', 'belowThreshold'] as const;
  for (const o of outcomes) {
    add({
      id: `cosp.${o}`,
      area: 'cosp',
      label: { key: `evaluation.row.cosp.${o}` },
      unit: 'participants',
      tally: p[o],
      shareOf: 'cosp.participants',
      level: 1,
    });
    if (o === 'dropouts')
      for (const reason of dropoutReasonKeys)
        add({
          id: `cosp.dropouts.${reason}`,
          area: 'cosp',
          label: { key: 'evaluation.row.cosp.dropoutReason', value: `evaluation.dropout.${reason}` },
          unit: 'participants',
          tally: p.dropoutsByReason[reason],
          level: 2,
        });
  }
  relate(
    'cosp.participants',
    outcomes.map((o) => `cosp.${o}`),
    ['count'],
  );
  relate(
    'cosp.dropouts',
    dropoutReasonKeys.map((x) => `cosp.dropouts.${x}`),
    ['count'],
  );

  // Cooperation with daycare: a kind the app does not record yet is "not recorded", not 0.
  const c = ind.cooperation;
  const unrecorded = (captured: boolean) => (captured ? {} : { count: null, children: null, families: null });
  for (const kind of cooperationKinds)
    add({
      id: `cooperation.${kind}`,
      area: 'cooperation',
      label: { key: `evaluation.cooperation.${kind}` },
      unit: 'events',
      tally: c.byKind[kind],
      ...unrecorded(c.captured[kind]),
    });
  for (const basis of legalBases)
    add({
      id: `cooperation.overlevering.${basis}`,
      area: 'cooperation',
      label: { key: 'evaluation.row.cooperation.basis', value: `evaluation.basis.${basis}` },
      unit: 'events',
      tally: c.handoversByBasis[basis],
      level: 1,
      ...unrecorded(c.captured.overlevering),
    });
  if (c.captured.overlevering)
    relate(
      'cooperation.overlevering',
      legalBases.map((b) => `cooperation.overlevering.${b}`),
      ['count'],
    );
  add({
    id: 'cooperation.talkParticipants',
    area: 'cooperation',
    label: { key: 'evaluation.row.cooperation.talkParticipants' },
    unit: 'persons',
    count: c.captured['oplaeg-i-dagtilbud'] ? c.talkParticipants : null,
    children: null,
    families: null,
    level: 1,
  });

  // Outcome proxies.
  const o = ind.outcomes;
  add({
    id: 'outcomes.compared',
    area: 'outcomes',
    label: { key: 'evaluation.row.outcomes.compared' },
    unit: 'children',
    tally: o.compared,
  });
  for (const area of assessmentAreas) {
    const known = changeCategories.reduce((s, cat) => s + o.assessmentChange[area][cat].n, 0);
    for (const cat of changeCategories)
      add({
        id: `outcomes.${area}.${cat}`,
        area: 'outcomes',
        label: { key: `evaluation.row.outcomes.${cat}`, value: `visits.area.${area}` },
        unit: 'children',
        tally: o.assessmentChange[area][cat],
        shareOf: 'outcomes.compared',
        level: 1,
      });
    add({
      id: `outcomes.${area}.notComparable`,
      area: 'outcomes',
      label: { key: 'evaluation.row.outcomes.notComparable', value: `visits.area.${area}` },
      unit: 'children',
      count: o.compared.n - known,
      children: null,
      families: null,
      level: 1,
    });
    relate(
      'outcomes.compared',
      [...changeCategories, 'notComparable'].map((cat) => `outcomes.${area}.${cat}`),
      ['count'],
    );
  }
  for (const inst of ['epds', 'adbb'] as const) {
    add({
      id: `outcomes.${inst}`,
      area: 'outcomes',
      label: { key: `evaluation.row.outcomes.${inst}Above` },
      unit: 'responses',
      tally: o[`${inst}Above`],
    });
    for (const cat of followUpCategories)
      add({
        id: `outcomes.${inst}.${cat}`,
        area: 'outcomes',
        label: { key: `evaluation.row.outcomes.followUp.${cat}` },
        unit: 'responses',
        tally: o[`${inst}FollowUp`][cat],
        shareOf: `outcomes.${inst}`,
        level: 1,
      });
    relate(
      `outcomes.${inst}`,
      followUpCategories.map((cat) => `outcomes.${inst}.${cat}`),
      ['count'],
    );
  }
  add({
    id: 'outcomes.visits',
    area: 'outcomes',
    label: { key: 'evaluation.row.content.visits' },
    unit: 'visits',
    tally: o.visits,
  });
  add({
    id: 'outcomes.referrals',
    area: 'outcomes',
    label: { key: 'evaluation.row.outcomes.referrals' },
    unit: 'visits',
    tally: o.referrals,
    shareOf: 'outcomes.visits',
  });
  for (const target of referralTargets)
    add({
      id: `outcomes.referral.${target}`,
      area: 'outcomes',
      label: { key: 'evaluation.row.outcomes.referralTo', value: `visits.referral.${target}` },
      unit: 'visits',
      tally: o.referralsByTarget[target],
      level: 2,
    });
  add({
    id: 'outcomes.notifications',
    area: 'outcomes',
    label: { key: 'evaluation.row.outcomes.notifications' },
    unit: 'visits',
    tally: o.notifications,
    shareOf: 'outcomes.visits',
  });
}
