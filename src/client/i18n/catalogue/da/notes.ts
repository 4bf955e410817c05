/** Danish texts of signed notes and their corrections (journal notes, COS-P reflections). */
export const notesDa = {
  signed: 'Underskrevet af {{who}} {{when}}',
  signedTimes: 'Underskrevet af {{who}} {{device}} efter enhedens ur · modtaget af serveren {{server}}',
  draftBy: 'Kladde af {{author}}',
  draftOf: 'Kladde af {{author}} – kun forfatteren kan redigere og underskrive den.',
  text: 'Notat',
  saveDraft: 'Gem som kladde',
  sign: 'Underskriv notat',
  amend: 'Tilføj rettelse',
  amendment: 'Rettelse',
  amendReason: 'Årsag til rettelsen',
  atVisit: 'Ved besøget {{date}} · {{type}}',
  aboutFamily: 'Om familien',
} as const;
