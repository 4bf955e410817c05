/**
 * A FICTIONAL caseload for demos, manual testing and benchmarks: families, caregivers, children,
 * consents and each child's visit plan, generated from a seeded PRNG and a given `today`, so the
 * same seed, size and day always give the same documents (ids included). Every document is
 * complete and valid for its kind's schema (schemas/kinds.ts).
 *
 * How the data is kept clearly fictional:
 * - Names are drawn at random from first- and last-name lists; every family's notes begin with
 *   "Fiktiv demofamilie".
 * - CPR numbers: the first six digits are the child's birth date (DDMMYY), as the schema requires;
 *   the serial (last four) always starts "99" (a 7th digit of 9 reads as 2000–2036 for the birth
 *   years generated here), and the last digit follows the sex convention (even = pige, odd =
 *   dreng). "99xx" is our demo marker: a format-valid number can never be proven unassigned, so
 *   treat every such number as test data and never look one up.
 * - Addresses are invented street names (compound plant and bird names) with real town names and
 *   postcodes in Jammerbugt and Ballerup municipalities; any match with a real address is chance.
 * - Phone numbers are left empty (Denmark has no reserved fictional range); e-mail addresses use
 *   the reserved domain example.org.
 */
import { ageInDays, ageInMonths } from '../domain/age.ts';
import { cprBirthDate } from '../domain/cpr.ts';
import type { Family } from '../schemas/family.ts';
import type { KindData, RecordKind } from '../schemas/kinds.ts';
import { addDaysIso } from './calendar.ts';
import type { Caregiver, CaregiverRelation } from './caregiver.ts';
import type { Consent, ConsentType } from './consent.ts';
import type { Contact, ContactType } from './contact.ts';
import { contactFromPlan, planContacts } from './schedule.ts';
import { defaultSettings } from './settings.ts';

export type DemoDocument<K extends RecordKind = RecordKind> = { kind: K; id: string; data: KindData[K] };

export type DemoCaseload = {
  families: DemoDocument<'family'>[];
  caregivers: DemoDocument<'caregiver'>[];
  children: DemoDocument<'child'>[];
  consents: DemoDocument<'consent'>[];
  contacts: DemoDocument<'contact'>[];
};

export type DemoOptions = {
  /** The day the caseload is generated for (YYYY-MM-DD): births, visits and statuses are relative to it. */
  today: string;
  /** Number of families (default 60). */
  families?: number;
  /** PRNG seed (default DEMO_SEED). */
  seed?: number;
  /** Tovholder names; the first one gets about half of the families (default DEMO_NURSES). */
  nurses?: readonly string[];
};

export const DEMO_SEED = 1000;
export const DEMO_FAMILIES = 60;
/** The demo user's display name first (see the admin CLI's create-demo), then fictional colleagues. */
export const DEMO_NURSES = ['Demo Sundhedsplejerske', 'Hanne Demo-Krog', 'Birte Demo-Lund'] as const;
/** The first two digits of every generated CPR serial (see the header). */
export const DEMO_CPR_SERIAL_PREFIX = '99';

/** mulberry32: a small, fast, seedable PRNG giving floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = ReturnType<typeof makeRandom>;

/** The generator's random helpers over seededRandom (ints, picks, weights, uuids, dates). */
export function makeRandom(seed: number) {
  const next = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  };
  /** One of the keys, with probability proportional to its weight. */
  const weighted = <T extends string>(weights: Record<T, number>): T => {
    const entries = Object.entries(weights) as [T, number][];
    let roll = next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return (entries.at(-1) as [T, number])[0];
  };
  /** A version-4-shaped UUID from the PRNG (deterministic, unlike crypto.randomUUID). */
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + int(0, 3)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  };
  return {
    next,
    int,
    pick,
    weighted,
    uuid,
    chance: (p: number) => next() < p,
    /** A day in [from, to] (inclusive). */
    dateBetween: (from: string, to: string) => addDaysIso(from, int(0, Math.max(0, ageInDays(from, to)))),
    /** Roughly normal (sum of three uniforms), mean 0, standard deviation about 1. */
    normal: () => (next() + next() + next() - 1.5) * 2,
  };
}

type NamePool = { girls: string[]; boys: string[]; women: string[]; men: string[]; surnames: string[] };

const danish: NamePool = {
  girls: ['Emma', 'Ida', 'Clara', 'Freja', 'Alma', 'Ella', 'Agnes', 'Karla', 'Olivia', 'Josefine', 'Ellen'] //
    .concat(['Nora', 'Lea', 'Vigga', 'Asta', 'Luna', 'Esther', 'Frida', 'Liva', 'Alberte', 'Maja', 'Signe']),
  boys: ['William', 'Noah', 'Oscar', 'Lucas', 'Carl', 'Alfred', 'Aksel', 'Malthe', 'Emil', 'Valdemar'] //
    .concat(['Arthur', 'Oliver', 'August', 'Elias', 'Magnus', 'Viggo', 'Felix', 'Theo', 'Anton', 'Storm']),
  women: ['Mette', 'Louise', 'Camilla', 'Sara', 'Julie', 'Maria', 'Katrine', 'Stine', 'Line', 'Anne'] //
    .concat(['Nanna', 'Cecilie', 'Trine', 'Sofie', 'Pernille', 'Maja', 'Rikke', 'Ditte', 'Sanne']),
  men: ['Mads', 'Rasmus', 'Jonas', 'Martin', 'Thomas', 'Kasper', 'Mikkel', 'Nikolaj', 'Anders'] //
    .concat(['Christian', 'Jesper', 'Simon', 'Frederik', 'Søren', 'Jens', 'Morten', 'Henrik']),
  surnames: ['Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen'] //
    .concat(['Rasmussen', 'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen'])
    .concat(['Møller', 'Mortensen', 'Holm', 'Skov', 'Bak', 'Dam', 'Krog', 'Lund', 'Vestergaard', 'Østergaard'])
    .concat(['Kjær', 'Bech', 'Frandsen', 'Kragh', 'Bisgaard', 'Søndergaard', 'Bjerre', 'Thygesen']),
};

type LanguageGroup = { language: string; weight: number; interpreter: number; names: NamePool };

const languages: LanguageGroup[] = [
  { language: 'dansk', weight: 78, interpreter: 0, names: danish },
  {
    language: 'arabisk',
    weight: 6,
    interpreter: 0.6,
    names: {
      girls: ['Layla', 'Nour', 'Sara', 'Maryam', 'Aya'],
      boys: ['Adam', 'Yusuf', 'Zakaria', 'Ibrahim', 'Ali'],
      women: ['Fatima', 'Amina', 'Hiba', 'Yasmin', 'Rania'],
      men: ['Ahmed', 'Mohammad', 'Omar', 'Khaled', 'Bilal'],
      surnames: ['Hassan', 'Ali', 'Hussein', 'Khalil', 'Saleh'],
    },
  },
  {
    language: 'somali',
    weight: 3,
    interpreter: 0.6,
    names: {
      girls: ['Idil', 'Sagal', 'Hamdi', 'Ilhan'],
      boys: ['Hamza', 'Abdi', 'Liban', 'Mahad'],
      women: ['Hodan', 'Ayaan', 'Hibo', 'Faadumo'],
      men: ['Abdullahi', 'Mahamed', 'Said', 'Warsame'],
      surnames: ['Farah', 'Osman', 'Warsame', 'Jama'],
    },
  },
  {
    language: 'tyrkisk',
    weight: 3,
    interpreter: 0.3,
    names: {
      girls: ['Defne', 'Elif', 'Zeynep', 'Ecrin'],
      boys: ['Eymen', 'Yusuf', 'Emir', 'Kerem'],
      women: ['Ayse', 'Merve', 'Esra', 'Selin'],
      men: ['Emre', 'Mehmet', 'Burak', 'Serkan'],
      surnames: ['Yilmaz', 'Demir', 'Kaya', 'Öztürk'],
    },
  },
  {
    language: 'polsk',
    weight: 4,
    interpreter: 0.5,
    names: {
      girls: ['Zofia', 'Hanna', 'Lena', 'Maja'],
      boys: ['Jakub', 'Antoni', 'Szymon', 'Filip'],
      women: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Joanna'],
      men: ['Piotr', 'Tomasz', 'Marcin', 'Pawel'],
      surnames: ['Nowak', 'Mazur', 'Wójcik', 'Krawczyk'],
    },
  },
  {
    language: 'ukrainsk',
    weight: 4,
    interpreter: 0.7,
    names: {
      girls: ['Sofiia', 'Mila', 'Anna', 'Daryna'],
      boys: ['Maksym', 'Artem', 'Mark', 'Denys'],
      women: ['Olena', 'Iryna', 'Oksana', 'Tetiana'],
      men: ['Andrii', 'Oleksandr', 'Dmytro', 'Serhii'],
      surnames: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko'],
    },
  },
  {
    language: 'engelsk',
    weight: 2,
    interpreter: 0,
    names: {
      girls: ['Grace', 'Isla', 'Ruby', 'Evie'],
      boys: ['Jack', 'Harry', 'Leo', 'Finn'],
      women: ['Emily', 'Laura', 'Hannah', 'Rebecca'],
      men: ['James', 'Daniel', 'Tom', 'Ben'],
      surnames: ['Walker', 'Hughes', 'Bennett', 'Carter'],
    },
  },
];

const languageWeights = Object.fromEntries(languages.map((g) => [g.language, g.weight])) as Record<string, number>;

const streetFirst = ['Tusindfryd', 'Skovsnerle', 'Hyldebær', 'Mælkebøtte', 'Kornblomst', 'Perikon', 'Kodriver'] //
  .concat(['Engkarse', 'Musvåge', 'Sivsanger', 'Strandkål', 'Marehalm', 'Klitrose', 'Rødkløver', 'Vibeæg']);
const streetLast = ['vej', 'stien', 'toften', 'haven', 'bakken', 'vænget', 'løkken', 'parken', 'kæret'];

/** Towns in Jammerbugt and Ballerup municipalities (the pool's examples in domain.md §1). */
const towns = [
  '9440 Aabybro',
  '9440 Biersted',
  '9460 Brovst',
  '9690 Fjerritslev',
  '9490 Pandrup',
  '9492 Blokhus',
  '9493 Saltum',
  '2750 Ballerup',
  '2740 Skovlunde',
  '2760 Måløv',
];

const childcarePlaces = {
  dagpleje: ['Dagplejen Nord', 'Dagplejen Syd', 'Dagplejen Øst', 'Dagplejen Vest'],
  vuggestue: ['Vuggestuen Mælkebøtten', 'Vuggestuen Troldehøj', 'Vuggestuen Solstrålen', 'Vuggestuen Myretuen'],
  boernehave: ['Børnehaven Regnbuen', 'Børnehuset Kastanjen', 'Børnehaven Spiren', 'Børnehuset Lærkereden'],
};

const familyNotes = [
  'Foretrækker besøg om formiddagen.',
  'Mor har tidligere haft fødselsdepression.',
  'Familien er nyligt flyttet til kommunen.',
  'Far arbejder på skiftehold.',
  'Netværket er spinkelt; mormor bor i nærheden.',
  'Storesøskende går i skole.',
];

const inclusionReasons = { 'mange-besoeg': 40, saarbarhed: 30, henvisning: 20, andet: 10 } as const;
const familyStatuses = { aktiv: 86, afsluttet: 9, fraflyttet: 5 } as const;

/** Median birth weight (g), length (cm) and head circumference (cm) by gestational week (rough). */
const birthTable: [week: number, grams: number, cm: number, head: number][] = [
  [24, 650, 31, 22.5],
  [28, 1150, 37, 26],
  [30, 1450, 40, 28],
  [32, 1800, 42.5, 29.5],
  [34, 2300, 45, 31],
  [36, 2750, 47, 32.5],
  [38, 3200, 49.5, 33.8],
  [40, 3500, 51, 34.8],
  [42, 3650, 52, 35.5],
];

function birthMedians(weeks: number): { grams: number; cm: number; head: number } {
  let lo = birthTable[0] as (typeof birthTable)[number];
  for (const hi of birthTable) {
    if (weeks <= hi[0]) {
      const f = hi[0] === lo[0] ? 0 : (weeks - lo[0]) / (hi[0] - lo[0]);
      return { grams: lo[1] + (hi[1] - lo[1]) * f, cm: lo[2] + (hi[2] - lo[2]) * f, head: lo[3] + (hi[3] - lo[3]) * f };
    }
    lo = hi;
  }
  return { grams: lo[1], cm: lo[2], head: lo[3] };
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** DDMMYY of an ISO date. */
const cprDate = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`;

const asciiLocal = (name: string) =>
  name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z]/g, '');

/** Generates the caseload. Throws on an invalid `today` or a non-positive family count. */
export function generateDemoCaseload(options: DemoOptions): DemoCaseload {
  const { today } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))
    throw new Error(`today must be YYYY-MM-DD, got "${today}"`);
  const count = options.families ?? DEMO_FAMILIES;
  if (!Number.isInteger(count) || count < 1) throw new Error(`families must be a positive integer, got ${count}`);
  const nurses = options.nurses && options.nurses.length > 0 ? options.nurses : DEMO_NURSES;
  const r = makeRandom(options.seed ?? DEMO_SEED);
  // The evaluation facts draw from a stream of their own, so adding them left every other
  // generated value (and the benchmarks built on them) as it was.
  const facts = makeRandom((options.seed ?? DEMO_SEED) + 17);
  const usedCprs = new Set<string>();
  const out: DemoCaseload = { families: [], caregivers: [], children: [], consents: [], contacts: [] };

  const cprFor = (birthDate: string, sex: 'pige' | 'dreng') => {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const last = r.int(0, 4) * 2 + (sex === 'dreng' ? 1 : 0);
      const cpr = `${cprDate(birthDate)}${DEMO_CPR_SERIAL_PREFIX}${r.int(0, 9)}${last}`;
      if (usedCprs.has(cpr)) continue;
      if (cprBirthDate(cpr) !== birthDate) throw new Error(`cannot make a demo CPR for ${birthDate}`);
      usedCprs.add(cpr);
      return cpr;
    }
    throw new Error(`no free demo CPR serial left for ${birthDate}`);
  };

  for (let f = 0; f < count; f += 1) {
    const familyId = r.uuid();
    const language = r.weighted(languageWeights);
    const group = languages.find((g) => g.language === language) ?? (languages[0] as LanguageGroup);
    const names = group.names;
    const status = r.weighted(familyStatuses);
    const tovholder = r.chance(0.5) ? (nurses[0] as string) : r.pick(nurses);
    const surname = r.chance(0.08) ? `${r.pick(names.surnames)}-${r.pick(names.surnames)}` : r.pick(names.surnames);

    // Children: 1–3, youngest born 2 days to 3 years ago, siblings 300–520 days apart or twins.
    const childCount = { one: 1, two: 2, three: 3 }[r.weighted({ one: 55, two: 35, three: 10 })];
    const gaps = Array.from({ length: childCount - 1 }, () => (r.chance(0.1) ? 0 : r.int(300, 520)));
    const span = gaps.reduce((a, b) => a + b, 0);
    let ageDays = r.int(2, 1095 - span);
    const births = [addDaysIso(today, -ageDays)];
    for (const gap of gaps) {
      ageDays += gap;
      births.push(addDaysIso(today, -ageDays));
    }
    const oldestBirth = births.at(-1) as string;
    const inclusionDate = (() => {
      const d = addDaysIso(oldestBirth, r.int(-90, 150));
      return d > today ? today : d;
    })();

    // Caregivers: usually the mother, often a second parent.
    const firstRelation: CaregiverRelation = r.weighted({ mor: 92, far: 3, plejeforælder: 3, anden: 2 });
    const caregiverList: { id: string; data: Caregiver }[] = [];
    const addCaregiver = (relation: CaregiverRelation) => {
      const male = relation === 'far' || (relation === 'plejeforælder' && r.chance(0.3));
      const first = male ? r.pick(names.men) : r.pick(names.women);
      const last = relation === 'mor' && r.chance(0.3) ? r.pick(names.surnames) : surname;
      const name = `${first} ${last}`;
      const interpreterNeeded = r.chance(group.interpreter);
      caregiverList.push({
        id: r.uuid(),
        data: {
          familyId,
          name,
          relation,
          parentalResponsibility: relation !== 'plejeforælder' && relation !== 'anden',
          language: group.language,
          interpreterNeeded,
          phone: '',
          email: r.chance(0.4) ? `${asciiLocal(first)}.${asciiLocal(last)}@example.org` : '',
          notes: relation === 'anden' ? 'Mormor; passer ofte børnene.' : '',
        },
      });
    };
    addCaregiver(firstRelation);
    if (firstRelation === 'mor' && r.chance(0.65)) addCaregiver(r.weighted({ far: 85, medmor: 10, anden: 5 }));
    const mother = caregiverList[0] as { id: string; data: Caregiver };
    const familyName =
      mother.data.name.endsWith(` ${surname}`) || caregiverList.length === 1
        ? `Familien ${surname}`
        : `Familien ${mother.data.name.split(' ').at(-1)} og ${surname}`;

    const notes = ['Fiktiv demofamilie (ikke en rigtig familie).'];
    if (r.chance(0.4)) notes.push(r.pick(familyNotes));
    if (caregiverList.some((c) => c.data.interpreterNeeded))
      notes.push(`Tolk (${group.language}) bestilles til besøg.`);
    const family: Family = {
      name: familyName,
      status,
      inclusionDate,
      inclusionReason: r.weighted(inclusionReasons),
      tovholder,
      address: `${r.pick(streetFirst)}${r.pick(streetLast)} ${r.int(1, 120)}, ${r.pick(towns)}`,
      notes: notes.join(' '),
      extraVisitsOffer: { offeredOn: '', answer: '', declineReason: '' },
      lostToFollowUp: { reason: '', date: '' },
    };
    out.families.push({ kind: 'family', id: familyId, data: family });
    for (const c of caregiverList) out.caregivers.push({ kind: 'caregiver', id: c.id, data: c.data });

    // Most included families qualify for the 1½- and 3-year visits (domain.md §1).
    const extraVisits = r.chance(0.8);
    /** Twins share their gestational age. */
    const twinAges = new Map<string, [weeks: number, days: number]>();
    const firstNames = new Set<string>();
    let anyInChildcare = false;
    for (const birthDate of births) {
      const childId = r.uuid();
      const sex = r.chance(0.5) ? 'pige' : 'dreng';
      const twin = births.filter((b) => b === birthDate).length > 1;
      const kind = r.weighted({ term: 88, preterm: 9, unknown: 3 });
      let gaWeeks: number | null = null;
      let gaDays: number | null = null;
      const twinAge = twinAges.get(birthDate);
      if (twinAge) {
        [gaWeeks, gaDays] = twinAge;
      } else if (twin) {
        gaWeeks = r.int(32, 38);
        gaDays = r.int(0, 6);
        twinAges.set(birthDate, [gaWeeks, gaDays]);
      } else if (kind === 'term') {
        gaWeeks = r.int(37, 41);
        gaDays = r.int(0, 6);
      } else if (kind === 'preterm') {
        gaWeeks = r.int(27, 36);
        gaDays = r.int(0, 6);
      }
      // Siblings get different first names.
      let firstName = '';
      for (let attempt = 0; attempt < 20 && (firstName === '' || firstNames.has(firstName)); attempt += 1)
        firstName = sex === 'pige' ? r.pick(names.girls) : r.pick(names.boys);
      firstNames.add(firstName);
      const medians = birthMedians((gaWeeks ?? 40) + (gaDays ?? 0) / 7);
      const measured = r.chance(0.95);
      const months = ageInMonths(birthDate, today);
      const childcareType =
        months < 9
          ? 'ingen'
          : months >= 34 && r.chance(0.6)
            ? 'boernehave'
            : r.weighted({ dagpleje: 40, vuggestue: 50, ingen: months < 12 ? 40 : 10 });
      if (childcareType !== 'ingen') anyInChildcare = true;
      const child: KindData['child'] = {
        familyId,
        firstName,
        lastName: surname,
        cpr: cprFor(birthDate, sex),
        sex,
        birthDate,
        gestationalAgeWeeks: gaWeeks,
        gestationalAgeDays: gaDays,
        birthWeightGrams: measured ? Math.round(clamp(medians.grams * (1 + 0.11 * r.normal()), 400, 6000)) : null,
        birthLengthCm: measured ? Math.round(clamp(medians.cm + 2 * r.normal(), 28, 60)) : null,
        birthHeadCircumferenceCm: measured
          ? Math.round(clamp(medians.head + 1.2 * r.normal(), 20, 40) * 10) / 10
          : null,
        childcareType,
        childcarePlace: childcareType === 'ingen' ? '' : r.pick(childcarePlaces[childcareType]),
        institutionId: '',
        childcareStart: '',
      };
      out.children.push({ kind: 'child', id: childId, data: child });
      const owner = { childId, familyId, nurse: tovholder };
      const contacts = planContacts(child, defaultSettings, { extraVisits }).map((planned) =>
        withStatus(r, contactFromPlan(planned, owner), today),
      );
      contacts.push(...manualContacts(r, child, owner, today));
      for (const contact of contacts) {
        // A family that left the programme has its open contacts cancelled by the health service.
        const data: Contact =
          status !== 'aktiv' && contact.status === 'planlagt'
            ? {
                ...contact,
                status: 'aflyst-af-sundhedsplejen',
                note: status === 'fraflyttet' ? 'Familien er fraflyttet kommunen.' : 'Forløbet er afsluttet.',
              }
            : contact;
        out.contacts.push({ kind: 'contact', id: r.uuid(), data });
      }
    }

    family.extraVisitsOffer = demoOffer(facts, births, extraVisits, today);
    family.lostToFollowUp = demoLost(facts, status, inclusionDate, today);

    // Consents: the programme's own always; others by chance; some withdrawn.
    const consentTypes: ConsentType[] = ['sundhedsplejens-ydelser'];
    if (r.chance(0.6)) consentTypes.push('evaluering');
    if (anyInChildcare && r.chance(0.8)) consentTypes.push('videregivelse-til-dagtilbud');
    if (r.chance(0.25)) consentTypes.push('deltagelse-i-cos-p');
    if (r.chance(0.3)) consentTypes.push('tvaerfagligt-moede');
    // Given by a caregiver with parental responsibility (or the first one registered).
    const consenters = caregiverList.filter((c) => c.data.parentalResponsibility);
    for (const type of consentTypes) {
      const date = type === 'sundhedsplejens-ydelser' ? inclusionDate : r.dateBetween(inclusionDate, today);
      const withdrawn = type !== 'sundhedsplejens-ydelser' && r.chance(0.12);
      const consent: Consent = {
        familyId,
        type,
        givenBy: r.pick(consenters.length > 0 ? consenters : caregiverList).id,
        form: type === 'sundhedsplejens-ydelser' || r.chance(0.4) ? 'mundtlig' : 'skriftlig',
        date,
        scope: type === 'videregivelse-til-dagtilbud' ? 'Trivsel og udvikling, søvn og rytme, sprog.' : '',
        withdrawnAt: withdrawn ? r.dateBetween(date, today) : '',
        withdrawnNote: withdrawn ? 'Forældrene trak samtykket tilbage mundtligt.' : '',
        validUntil: '',
        instrumentScores: false,
      };
      out.consents.push({ kind: 'consent', id: r.uuid(), data: consent });
    }
  }
  return out;
}

/**
 * The offer of the 1½- and 3-year visits, made at about 10–14 months of the oldest child: families
 * planned for the extra visits accepted (or have not answered yet); of the others, some were
 * offered and declined (with a reason), the rest were never offered.
 */
function demoOffer(r: Random, births: string[], extraVisits: boolean, today: string): Family['extraVisitsOffer'] {
  const none = { offeredOn: '', answer: '', declineReason: '' } as const;
  const offeredOn = addDaysIso(births.at(-1) as string, r.int(300, 420));
  if (offeredOn > today) return none;
  if (extraVisits) return { offeredOn, answer: r.chance(0.95) ? 'accepteret' : '', declineReason: '' };
  if (!r.chance(0.45)) return none;
  const declineReason = r.weighted({
    'intet-behov': 50,
    tidspres: 20,
    'oensker-ikke-besoeg': 15,
    'andet-tilbud': 10,
    andet: 5,
  });
  return { offeredOn, answer: 'afslaaet', declineReason };
}

/** Families who moved are lost to follow-up (moved); a few active ones could not be reached. */
function demoLost(r: Random, status: Family['status'], inclusionDate: string, today: string): Family['lostToFollowUp'] {
  if (status === 'fraflyttet') return { reason: 'fraflyttet', date: r.dateBetween(inclusionDate, today) };
  if (status === 'aktiv' && r.chance(0.02))
    return { reason: 'ingen-kontakt', date: r.dateBetween(inclusionDate, today) };
  return { reason: '', date: '' };
}

/**
 * The status of a plan contact on `today`: past windows mostly gennemført (done within the
 * window), some udeblevet or aflyst af familien, a few left planlagt (overdue on the worklist);
 * open windows partly done or booked; future ones planlagt, the nearest sometimes booked.
 */
function withStatus(r: Random, contact: Contact, today: string): Contact {
  const { windowFrom, windowTo, targetDate } = contact;
  if (windowTo < today) {
    const outcome = r.weighted({ done: 85, absent: 6, cancelled: 5, overdue: 4 });
    if (outcome === 'done') return { ...contact, status: 'gennemfoert', doneDate: r.dateBetween(windowFrom, windowTo) };
    if (outcome === 'absent')
      return {
        ...contact,
        status: 'udeblevet',
        plannedDate: r.dateBetween(windowFrom, windowTo),
        note: 'Familien var ikke hjemme.',
      };
    if (outcome === 'cancelled')
      return {
        ...contact,
        status: 'aflyst-af-familien',
        plannedDate: r.dateBetween(windowFrom, windowTo),
        note: 'Aflyst af familien (sygdom).',
      };
    return contact;
  }
  if (windowFrom <= today) {
    if (targetDate < today && r.chance(0.5))
      return { ...contact, status: 'gennemfoert', doneDate: r.dateBetween(windowFrom, addDaysIso(today, -1)) };
    if (r.chance(0.6)) return { ...contact, plannedDate: r.dateBetween(today, windowTo) };
    return contact;
  }
  if (windowFrom <= addDaysIso(today, 21) && r.chance(0.3)) return { ...contact, plannedDate: targetDate };
  return contact;
}

const manualTopics: [ContactType, string][] = [
  ['behovsbesoeg', 'Behovsbesøg: søvn og rytme.'],
  ['behovsbesoeg', 'Behovsbesøg: amning og vægt.'],
  ['behovsbesoeg', 'Behovsbesøg: uro og gråd.'],
  ['tvaerfagligt-hjemmebesoeg', 'Fælles hjemmebesøg med pædagog fra dagtilbuddet.'],
  ['moede-i-dagtilbud', 'Møde med forældrene i dagtilbuddet.'],
];

/** About a third of the children older than a month have one manual contact, past (done) or booked. */
function manualContacts(
  r: Random,
  child: KindData['child'],
  owner: { childId: string; familyId: string; nurse: string },
  today: string,
): Contact[] {
  if (ageInDays(child.birthDate, today) < 30 || !r.chance(0.35)) return [];
  const [type, note] = r.pick(
    manualTopics.filter(([t]) => t === 'behovsbesoeg' || child.childcareType !== 'ingen'),
  ) as (typeof manualTopics)[number];
  const date = r.dateBetween(addDaysIso(child.birthDate, 20), addDaysIso(today, 30));
  const done = date < today;
  return [
    {
      ...owner,
      type,
      source: 'manual',
      scheduleKey: '',
      targetDate: date,
      windowFrom: date,
      windowTo: date,
      plannedDate: done ? '' : date,
      status: done ? 'gennemfoert' : 'planlagt',
      doneDate: done ? date : '',
      note,
    },
  ];
}

/** All documents in the order a device would create them (families first, contacts last). */
export function demoDocuments(caseload: DemoCaseload): DemoDocument[] {
  return [
    ...caseload.families,
    ...caseload.caregivers,
    ...caseload.children,
    ...caseload.consents,
    ...caseload.contacts,
  ];
}
