/** English texts of signed notes and their corrections (journal notes, COS-P reflections). */
export const notesEn = {
  signed: 'Signed by {{who}} {{when}}',
  signedTimes: "Signed by {{who}} {{device}} by the device's clock · received by the server {{server}}",
  draftBy: 'Draft by {{author}}',
  draftOf: 'Draft by {{author}} – only the author can edit and sign it.',
  text: 'Note',
  saveDraft: 'Save as draft',
  sign: 'Sign note',
  amend: 'Add correction',
  amendment: 'Correction',
  amendReason: 'Reason for the correction',
  atVisit: 'At the visit {{date}} · {{type}}',
  aboutFamily: 'About the family',
} as const;
