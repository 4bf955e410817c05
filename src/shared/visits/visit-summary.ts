/**
 * The print summary of a visit (A4): a structured, language-free object the UI renders. Each
 * section has a label key and rows; a row has formatted text (Danish number and date formats) and
 * the label keys of chosen values, which the UI translates and lists after the text. Corrected
 * sections show the values that hold now, who corrected them, when and why, and then the values as
 * first recorded. Only signed journal notes are printed: a draft is not yet part of the journal.
 */

import type { GrowthReferences } from '../growth/reference.ts';
import { topiLabelKeys } from '../instruments/topi.ts';
import { type Stored, signedTimeOf } from '../journal/signature.ts';
import { noteHistory } from '../journal/signed-note.ts';
import type { InstrumentRecord } from './instrument-record.ts';
import type { JournalNote } from './journal.ts';
import { choiceLabel, fieldLabel, sectionLabel, topicLabel } from './labels.ts';
import { type GrowthChild, type MeasureSummary, measurementSummary } from './measurement-summary.ts';
import {
  assessmentAreas,
  currentObservations,
  type Observation,
  type ObservationSection,
  type ObservationValues,
  observationSections,
} from './observation.ts';
import {
  defaultVisitTemplates,
  type FormSection,
  type SignProblem,
  sectionsFor,
  type VisitTemplates,
  visitSignProblems,
} from './templates.ts';
import type { Visit } from './visit.ts';

export type SummaryRow = {
  labelKey: string;
  /** Formatted text; '' when the value is given by keys only. */
  text: string;
  /** Label keys of chosen values, printed translated after the text, comma-separated. */
  keys: string[];
  /** Needs attention in print: a level above normal, a flag, a plausibility warning. */
  emphasis: boolean;
};

export type SummarySection = {
  /** Unique within the summary, e.g. 'measurements', 'epds-2', 'measurements-original'. */
  key: string;
  labelKey: string;
  /** current: what holds; original: as first recorded, before a correction. */
  state: 'current' | 'original';
  rows: SummaryRow[];
};

export type VisitSummary = {
  status: Visit['status'];
  sections: SummarySection[];
  /** Missing required or duplicate sections (also printed on a draft, so nothing is hidden). */
  problems: SignProblem[];
};

export type VisitSummaryOptions = {
  /** With the child and the reference tables, measurements get z-scores and percentiles. */
  growth?: { child: GrowthChild; references: GrowthReferences };
  /** Time zone of printed times; default Europe/Copenhagen. */
  timeZone?: string;
  templates?: VisitTemplates;
  /** The names of the parents who answered an EPDS, by caregiver id (the summary names them). */
  parentNames?: Readonly<Record<string, string>>;
};

// Formatting ---------------------------------------------------------------------------------------

/** A number in Danish notation: 4.250 and 41,5. */
export function formatNumberDa(value: number, decimals = 0): string {
  const [whole = '0', fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? '-' : '';
  return `${sign}${grouped}${fraction === undefined ? '' : `,${fraction}`}`;
}

/** YYYY-MM-DD as DD.MM.YYYY; '' stays ''. */
export const formatDateDa = (date: string): string =>
  date === '' ? '' : `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

/** An instant as DD.MM.YYYY HH:MM in the time zone. */
export function formatInstantDa(instant: string, timeZone = 'Europe/Copenhagen'): string {
  if (instant === '') return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')}.${part('month')}.${part('year')} ${part('hour')}:${part('minute')}`;
}

const range = (from: string, to: string) => (from === '' && to === '' ? '' : `${from}–${to}`);

const row = (labelKey: string, text: string, keys: string[] = [], emphasis = false): SummaryRow => ({
  labelKey,
  text,
  keys,
  emphasis,
});

// Sections -----------------------------------------------------------------------------------------

function growthText(summary: MeasureSummary | null | undefined): string {
  if (!summary || summary.z === null || summary.percentile === null) return '';
  return ` · z ${formatNumberDa(summary.z, 1)} · P${formatNumberDa(summary.percentile, 0)}`;
}

function measureRow(
  labelKey: string,
  text: string,
  reason: string,
  summary: MeasureSummary | null | undefined,
  extraKeys: string[] = [],
): SummaryRow {
  if (reason !== '') return row(labelKey, '', [choiceLabel('notCollected', reason)]);
  const warnings = summary?.warnings ?? [];
  return row(
    labelKey,
    `${text}${growthText(summary)}`,
    [...extraKeys, ...warnings.map((w) => choiceLabel('plausibility', w))],
    warnings.length > 0,
  );
}

function valueRows(values: ObservationValues, visit: Visit, options: VisitSummaryOptions): SummaryRow[] {
  const note = (text: string) => (text === '' ? [] : [row(fieldLabel('note'), text)]);
  const notCollected = (reason: string) => [choiceLabel('notCollected', reason)];
  switch (values.section) {
    case 'measurements': {
      const growth = options.growth
        ? measurementSummary(options.growth.child, { ...values, date: visit.date }, options.growth.references)
        : null;
      return [
        measureRow(
          fieldLabel('weight'),
          values.weightGrams === null ? '' : `${formatNumberDa(values.weightGrams)} g`,
          values.weightReason,
          growth?.weight,
        ),
        measureRow(
          fieldLabel('length'),
          values.lengthCm === null
            ? ''
            : `${formatNumberDa(values.lengthCm, Number.isInteger(values.lengthCm) ? 0 : 1)} cm`,
          values.lengthReason,
          growth?.length,
          values.lengthPosition === '' ? [] : [choiceLabel('lengthPosition', values.lengthPosition)],
        ),
        measureRow(
          fieldLabel('head'),
          values.headCircumferenceCm === null ? '' : `${formatNumberDa(values.headCircumferenceCm, 1)} cm`,
          values.headReason,
          growth?.head,
        ),
      ];
    }
    case 'assessments':
      return [
        ...assessmentAreas.map((area) => {
          const a = values.areas[area];
          return a.reason !== ''
            ? row(choiceLabel('area', area), a.note, notCollected(a.reason))
            : row(choiceLabel('area', area), a.note, [choiceLabel('level', a.level)], a.level !== 'normal');
        }),
        ...note(values.note),
      ];
    case 'feeding':
      if (values.reason !== '') return [row(fieldLabel('category'), '', notCollected(values.reason))];
      return [
        row(fieldLabel('category'), '', [choiceLabel('feeding', values.category)]),
        ...(values.periodFrom === '' && values.periodTo === ''
          ? []
          : [row(fieldLabel('period'), range(formatDateDa(values.periodFrom), formatDateDa(values.periodTo)))]),
        ...note(values.note),
      ];
    case 'tobacco':
      if (values.reason !== '') return [row(fieldLabel('exposed'), '', notCollected(values.reason))];
      return [
        row(fieldLabel('exposed'), '', [choiceLabel('answer', values.exposed ? 'ja' : 'nej')], values.exposed === true),
        ...(values.exposed
          ? [
              row(
                fieldLabel('who'),
                values.whoOther,
                values.who.map((w) => choiceLabel('smoker', w)),
              ),
            ]
          : []),
      ];
    case 'topi':
      return [
        row(fieldLabel('judgement'), '', [topiLabelKeys[values.judgement]], values.judgement !== 'groen'),
        ...note(values.note),
      ];
    case 'language':
      if (values.reason !== '') return [row(fieldLabel('languageDone'), '', notCollected(values.reason))];
      return [
        row(fieldLabel('languageDone'), '', [choiceLabel('answer', values.done ? 'ja' : 'nej')]),
        ...(values.done
          ? [
              row(
                fieldLabel('languageResult'),
                '',
                [choiceLabel('languageResult', values.resultGroup)],
                values.resultGroup !== 'generel',
              ),
              row(fieldLabel('languageSource'), '', [choiceLabel('languageSource', values.source)]),
            ]
          : []),
      ];
  }
}

function observationSectionsFor(
  section: ObservationSection,
  views: ReturnType<typeof currentObservations>,
  visit: Visit,
  options: VisitSummaryOptions,
  timeZone: string,
): SummarySection[] {
  const view = views[section];
  if (!view) return [];
  const current: SummarySection = {
    key: section,
    labelKey: sectionLabel(section),
    state: 'current',
    rows: valueRows(view.current.data.values, visit, options),
  };
  if (view.amendments.length === 0) return [current];
  const last = view.current.data;
  current.rows.push(
    row(fieldLabel('amended'), `${last.signedBy}, ${formatInstantDa(last.signedAt, timeZone)}`, [], true),
    row(fieldLabel('amendmentReason'), last.amendmentReason),
  );
  const original: SummarySection = {
    key: `${section}-original`,
    labelKey: sectionLabel(section),
    state: 'original',
    rows: valueRows(view.original.data.values, visit, options),
  };
  return [current, original];
}

function instrumentSection(
  record: Stored<InstrumentRecord>,
  index: number,
  parentNames: Readonly<Record<string, string>>,
): SummarySection {
  const r = record.data.response;
  const total =
    r.total === null
      ? row(fieldLabel('total'), '', [fieldLabel('incomplete')])
      : row(fieldLabel('total'), `${r.total}`);
  const flags =
    r.flags.length === 0
      ? []
      : [
          row(
            fieldLabel('flags'),
            '',
            r.flags.map((f) => choiceLabel(r.instrument === 'EPDS' ? 'epdsFlag' : 'adbbFlag', f)),
            true,
          ),
        ];
  if (r.instrument === 'EPDS') {
    return {
      key: `epds-${index}`,
      labelKey: sectionLabel('epds'),
      state: 'current',
      rows: [
        // The parent who answered, by name when known: an EPDS is about that parent, not the child.
        row(fieldLabel('parent'), parentNames[record.data.caregiverId] ?? '', [choiceLabel('epdsRole', r.role)]),
        total,
        ...flags,
      ],
    };
  }
  return {
    key: `adbb-${index}`,
    labelKey: sectionLabel('adbb'),
    state: 'current',
    rows: [
      total,
      ...flags,
      ...(r.followUpWindow
        ? [row(fieldLabel('followUp'), range(formatDateDa(r.followUpWindow.from), formatDateDa(r.followUpWindow.to)))]
        : []),
      ...(r.ageWarning ? [row(fieldLabel('ageWarning'), '', [choiceLabel('adbbAgeWarning', r.ageWarning)], true)] : []),
    ],
  };
}

function journalSection(notes: readonly Stored<JournalNote>[], timeZone: string): SummarySection | null {
  const signed = notes.filter((n) => n.data.status === 'underskrevet');
  const rows = noteHistory(signed).flatMap((thread) => [
    ...(thread.original
      ? [
          row(
            fieldLabel('author'),
            `${thread.original.data.signedBy}, ${formatInstantDa(signedTimeOf(thread.original.data), timeZone)}`,
          ),
          row(fieldLabel('note'), thread.original.data.text),
        ]
      : []),
    ...thread.amendments.flatMap((a) => [
      row(fieldLabel('amended'), `${a.data.signedBy}, ${formatInstantDa(signedTimeOf(a.data), timeZone)}`, [], true),
      row(fieldLabel('amendmentReason'), a.data.amendmentReason),
      row(fieldLabel('note'), a.data.text),
    ]),
  ]);
  return rows.length === 0 ? null : { key: 'journal', labelKey: sectionLabel('journal'), state: 'current', rows };
}

/**
 * The print summary of a visit from its records: the observations, instrument responses and
 * journal notes of this visit (records of other visits must not be passed).
 */
export function visitSummary(
  visit: Visit,
  observations: readonly Stored<Observation>[],
  instruments: readonly Stored<InstrumentRecord>[],
  notes: readonly Stored<JournalNote>[],
  options: VisitSummaryOptions = {},
): VisitSummary {
  const timeZone = options.timeZone ?? 'Europe/Copenhagen';
  const templates = options.templates ?? defaultVisitTemplates;
  const views = currentObservations(observations);

  const header: SummarySection = {
    key: 'visit',
    labelKey: sectionLabel('visit'),
    state: 'current',
    rows: [
      row(fieldLabel('type'), '', [choiceLabel('type', visit.type)]),
      row(fieldLabel('contactMode'), '', [choiceLabel('contactMode', visit.contactMode)]),
      row(fieldLabel('date'), formatDateDa(visit.date)),
      ...(visit.startTime === '' && visit.endTime === ''
        ? []
        : [row(fieldLabel('time'), range(visit.startTime, visit.endTime))]),
      ...visit.participants.map((p) =>
        row(fieldLabel('participants'), p.name, [choiceLabel('participantRole', p.role)]),
      ),
      row(fieldLabel('status'), '', [choiceLabel('status', visit.status)]),
      ...(visit.status === 'underskrevet'
        ? [row(fieldLabel('signed'), `${visit.signedBy}, ${formatInstantDa(signedTimeOf(visit), timeZone)}`)]
        : []),
    ],
  };

  // Form order from the template, then anything recorded that the template does not show.
  const order: FormSection[] = sectionsFor(visit.type, templates).map((spec) => spec.section);
  for (const section of [...observationSections, 'epds', 'adbb'] as const)
    if (!order.includes(section)) order.push(section);

  const instrumentsOf = (instrument: 'EPDS' | 'ADBB') =>
    instruments.filter((r) => r.data.response.instrument === instrument);
  const body = order.flatMap((section): SummarySection[] => {
    const names = options.parentNames ?? {};
    if (section === 'epds') return instrumentsOf('EPDS').map((r, i) => instrumentSection(r, i + 1, names));
    if (section === 'adbb') return instrumentsOf('ADBB').map((r, i) => instrumentSection(r, i + 1, names));
    return observationSectionsFor(section, views, visit, options, timeZone);
  });

  const contentRows = [
    ...(visit.materials.length === 0
      ? []
      : [
          row(
            fieldLabel('materials'),
            visit.materialOther,
            visit.materials.map((m) => choiceLabel('material', m)),
          ),
        ]),
    ...(visit.topics.length === 0 && visit.topicsNote === ''
      ? []
      : [row(fieldLabel('topics'), visit.topicsNote, visit.topics.map(topicLabel))]),
    ...(visit.agreements === '' ? [] : [row(fieldLabel('agreements'), visit.agreements)]),
    ...(visit.nextContact === '' ? [] : [row(fieldLabel('nextContact'), formatDateDa(visit.nextContact))]),
    ...(visit.referrals.length === 0
      ? []
      : [
          row(
            fieldLabel('referrals'),
            '',
            visit.referrals.map((r) => choiceLabel('referral', r)),
          ),
        ]),
    ...(visit.notification ? [row(fieldLabel('notification'), '', [choiceLabel('answer', 'ja')], true)] : []),
  ];
  const content: SummarySection[] =
    contentRows.length === 0
      ? []
      : [{ key: 'content', labelKey: sectionLabel('content'), state: 'current', rows: contentRows }];
  const journal = journalSection(notes, timeZone);

  return {
    status: visit.status,
    sections: [header, ...body, ...content, ...(journal ? [journal] : [])],
    problems: visitSignProblems(visit, observations, templates),
  };
}
