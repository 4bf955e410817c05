/** Danish texts of the first screen ("Mine besøg") and the visit types: part of the core catalogue. */
export const caseloadCoreDa = {
  worklist: {
    title: 'Mine besøg',
    intro: 'Besøg, der er overskredet, skal ske i dag, denne uge eller snart.',
    nurse: 'Vis besøg for',
    all: 'Alle i teamet',
    mine: 'Mine ({{name}})',
    buckets: {
      overdue: 'Overskredet',
      today: 'I dag',
      'this-week': 'Denne uge',
      upcoming: 'Kommende (30 dage)',
      later: 'Senere',
    },
    empty: 'Ingen besøg her.',
    due: 'Frist {{date}}',
    windowRange: 'vindue {{from}} – {{to}}',
    outsideWindow: 'uden for vinduet',
    count_one: '{{count}} besøg',
    count_other: '{{count}} besøg',
  },
  plan: {
    types: {
      graviditetsbesoeg: 'Graviditetsbesøg',
      barselsbesoeg: 'Barselsbesøg',
      etableringsbesoeg: 'Etableringsbesøg',
      'besoeg-inden-1-md': 'Besøg inden 1 måned',
      'besoeg-2-md': 'Besøg ved 2 måneder',
      'besoeg-4-6-md': 'Besøg ved 4–6 måneder',
      'besoeg-8-11-md': 'Besøg ved 8–11 måneder',
      'besoeg-1-5-aar': '1½-års besøg',
      'besoeg-3-aar': '3-års besøg',
      behovsbesoeg: 'Behovsbesøg',
      'tvaerfagligt-hjemmebesoeg': 'Tværfagligt hjemmebesøg',
      'moede-i-dagtilbud': 'Møde i dagtilbud',
    },
  },
} as const;
