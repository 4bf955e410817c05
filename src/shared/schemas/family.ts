/**
 * A family in the caseload (domain.md §1, issue "Caseload"): inclusion in the programme, status,
 * responsible nurse (tovholder), address and notes. One schema for the form, Dexie and the server.
 */
import { z } from 'zod';
import { choice, optionalDate, optionalText, requiredText } from './fields.ts';

export const familyStatuses = ['aktiv', 'afsluttet', 'fraflyttet'] as const;
export type FamilyStatus = (typeof familyStatuses)[number];

export const inclusionReasons = ['mange-besoeg', 'saarbarhed', 'henvisning', 'andet'] as const;
export type InclusionReason = (typeof inclusionReasons)[number];

export const familySchema = z.object({
  name: requiredText(120),
  status: choice(familyStatuses).default('aktiv'),
  inclusionDate: optionalDate,
  inclusionReason: z.union([choice(inclusionReasons), z.literal('')]).default(''),
  tovholder: optionalText(120),
  address: optionalText(200),
  notes: optionalText(4000),
});

export type Family = z.output<typeof familySchema>;
export type FamilyInput = z.input<typeof familySchema>;
