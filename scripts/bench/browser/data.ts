/**
 * Benchmark documents for the sync and startup suites: the demo caseload (families, caregivers,
 * children, consents, contacts from src/shared/caseload/demo-data.ts) topped up with draft visits
 * and one assessment observation per visit, with texts of the length a nurse writes, until exactly
 * `count` documents. Every document validates against its kind's schema (checked in Node by the
 * suites before use). Pure and deterministic for a seed: runs in Node and in the browser bundle.
 */

import {
  type DemoDocument,
  demoDocuments,
  generateDemoCaseload,
  seededRandom,
} from '../../../src/shared/caseload/demo-data.ts';
import { assessmentAreas } from '../../../src/shared/visits/observation.ts';

export const BENCH_TODAY = '2026-05-12';

const topics = ['soevn', 'mad-og-maaltider', 'sprog', 'leg-og-udvikling', 'motorik', 'samspil', 'foraeldretrivsel'];
const sentences = [
  'Mor fortæller, at nætterne er blevet roligere, og at barnet nu sover i egen seng.',
  'Vi talte om overgangen til familiens mad og om at spise sammen ved bordet.',
  'Far er på barsel de næste otte uger og deltog aktivt i samtalen.',
  'Barnet følger med i samtalen, pludrer og smiler ved øjenkontakt.',
  'Aftalt at mor kontakter egen læge, hvis uroen om aftenen fortsætter.',
  'Forældrene oplever et godt netværk med bedsteforældre tæt på.',
  'Vejledt om sikker søvn, tandbørstning og skærmfri tid før sengetid.',
];

const uuidFrom = (random: () => number) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(random() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const text = (random: () => number, n: number) =>
  Array.from({ length: n }, () => sentences[Math.floor(random() * sentences.length)]).join(' ');

/** `count` documents (families first, visits and observations last); a different seed gives other ids. */
export function benchDocuments(count: number, seed = 1000): DemoDocument[] {
  const families = Math.max(1, Math.round(count / 40));
  const caseload = generateDemoCaseload({ today: BENCH_TODAY, families, seed });
  const base = demoDocuments(caseload).slice(0, Math.ceil(count / 2));
  const random = seededRandom(seed + 7);
  const children = base.filter((d): d is DemoDocument<'child'> => d.kind === 'child');
  const extra: DemoDocument[] = [];
  for (let i = 0; base.length + extra.length < count; i += 1) {
    const child = children[i % children.length] as DemoDocument<'child'>;
    const visitId = uuidFrom(random);
    const day = String(1 + (i % 28)).padStart(2, '0');
    extra.push({
      kind: 'visit',
      id: visitId,
      data: {
        childId: child.id,
        familyId: child.data.familyId,
        contactId: '',
        type: 'etableringsbesoeg',
        contactMode: 'hjemmebesoeg',
        date: `2026-04-${day}`,
        startTime: '09:30',
        endTime: '10:45',
        participants: [{ role: 'sundhedsplejerske', name: 'Demo Sundhedsplejerske' }],
        status: 'kladde',
        materials: ['doegnhjul'],
        materialOther: '',
        topics: topics.slice(0, 2 + (i % 5)),
        topicsNote: text(random, 2),
        agreements: text(random, 3),
        nextContact: '2026-06-01',
        author: '',
        authorId: '',
        referrals: [],
        notification: false,
        signedBy: '',
        signedById: '',
        signedAt: '',
        serverSignedAt: '',
        recordedAt: '',
      },
    } as DemoDocument);
    if (base.length + extra.length >= count) break;
    extra.push({
      kind: 'observation',
      id: uuidFrom(random),
      data: {
        visitId,
        childId: child.id,
        familyId: child.data.familyId,
        values: {
          section: 'assessments',
          areas: Object.fromEntries(
            assessmentAreas.map((area, k) => [
              area,
              { level: 'normal', reason: '', note: k % 3 === 0 ? text(random, 1) : '' },
            ]),
          ),
          note: text(random, 2),
        },
        amendsId: '',
        amendmentReason: '',
        signedBy: '',
        signedById: '',
        signedAt: '',
        serverSignedAt: '',
        recordedAt: '',
      },
    } as DemoDocument);
  }
  return [...base, ...extra];
}

/** `visits` draft visits (each with one observation) for one child: the "child with 200 visits". */
export function childVisits(child: DemoDocument<'child'>, visits: number, seed = 4242): DemoDocument[] {
  const random = seededRandom(seed);
  const out: DemoDocument[] = [];
  for (let i = 0; i < visits; i += 1) {
    const visitId = uuidFrom(random);
    out.push({
      kind: 'visit',
      id: visitId,
      data: {
        childId: child.id,
        familyId: child.data.familyId,
        contactId: '',
        type: 'etableringsbesoeg',
        contactMode: 'hjemmebesoeg',
        date: `2026-0${1 + (i % 4)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        startTime: '09:30',
        endTime: '10:45',
        participants: [],
        status: 'kladde',
        materials: [],
        materialOther: '',
        topics: topics.slice(0, 3),
        topicsNote: text(random, 2),
        agreements: text(random, 3),
        nextContact: '',
        author: '',
        authorId: '',
        referrals: [],
        notification: false,
        signedBy: '',
        signedById: '',
        signedAt: '',
        serverSignedAt: '',
        recordedAt: '',
      },
    } as DemoDocument);
  }
  return out;
}
