/**
 * A family in the caseload (domain.md §1, issue "Caseload"): inclusion in the programme, status,
 * responsible nurse (tovholder), address and notes. One schema for the form, Dexie and the server.
 */
import * as z from 'zod/mini';
import { choice, optionalChoice, optionalDate, optionalText, requiredText } from './fields.ts';

export const familyStatuses = ['aktiv', 'afsluttet', 'fraflyttet'] as const;
export type FamilyStatus = (typeof familyStatuses)[number];

export const inclusionReasons = ['mange-besoeg', 'saarbarhed', 'henvisning', 'andet'] as const;
export type InclusionReason = (typeof inclusionReasons)[number];

export const familySchema = z.object({
  name: requiredText(120),
  status: z._default(choice(familyStatuses), 'aktiv'),
  inclusionDate: optionalDate,
  inclusionReason: optionalChoice(inclusionReasons),
  tovholder: optionalText(120),
  address: optionalText(200),
  notes: optionalText(4000),
});

export type Family = z.output<typeof familySchema>;
export type FamilyInput = z.input<typeof familySchema>;
