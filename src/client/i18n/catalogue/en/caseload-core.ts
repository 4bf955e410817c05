/** English texts of the first screen and the visit types (same keys as da/caseload-core.ts). */

import type { caseloadCoreDa } from '../da/caseload-core.ts';
import type { Widen } from '../da.ts';

export const caseloadCoreEn: Widen<typeof caseloadCoreDa> = {
  worklist: {
    title: 'My visits',
    intro: 'Visits that are overdue, due today, this week or soon.',
    nurse: 'Show visits for',
    all: 'Everyone in the team',
    mine: 'Mine ({{name}})',
    buckets: {
      overdue: 'Overdue',
      today: 'Today',
      'this-week': 'This week',
      upcoming: 'Upcoming (30 days)',
      later: 'Later',
    },
    empty: 'No visits here.',
    due: 'Due by {{date}}',
    agreed: 'Agreed {{date}}',
    target: 'target {{date}}',
    startVisit: 'start the {{type}}',
    continueVisit: 'continue the {{type}} (draft)',
    draft: 'Draft',
    childPage: "Child's page",
    windowRange: 'window {{from}} – {{to}}',
    outsideWindow: 'outside the window',
    count_one: '{{count}} visit',
    count_other: '{{count}} visits',
  },
  plan: {
    types: {
      graviditetsbesoeg: 'Pregnancy visit',
      barselsbesoeg: 'Postnatal visit',
      etableringsbesoeg: 'Establishing visit',
      'besoeg-inden-1-md': 'Visit before 1 month',
      'besoeg-2-md': 'Visit at 2 months',
      'besoeg-4-6-md': 'Visit at 4–6 months',
      'besoeg-8-11-md': 'Visit at 8–11 months',
      'besoeg-1-5-aar': '1½-year visit',
      'besoeg-3-aar': '3-year visit',
      behovsbesoeg: 'Need-based visit',
      'tvaerfagligt-hjemmebesoeg': 'Interdisciplinary home visit',
      overlevering: 'Handover to daycare',
      'moede-i-dagtilbud': 'Meeting in daycare',
    },
  },
};
