/**
 * A caregiver in a family: a parent or other adult around the child. Relation and parental
 * responsibility (forældremyndighed) matter for consent and for the EPDS cut-off (by role);
 * language and interpreter need shape every visit. One schema for the form, Dexie and the server.
 */
import * as z from 'zod/mini';
import { choice, optionalText, requiredText } from '../schemas/fields.ts';
import { flag, optionalEmail, optionalPhone } from './caseload-fields.ts';

export const caregiverRelations = ['mor', 'far', 'medmor', 'plejeforælder', 'anden'] as const;
export type CaregiverRelation = (typeof caregiverRelations)[number];

export const caregiverSchema = z.object({
  familyId: z.uuid(),
  name: requiredText(120),
  relation: choice(caregiverRelations),
  parentalResponsibility: flag,
  language: optionalText(60),
  interpreterNeeded: flag,
  phone: optionalPhone,
  email: optionalEmail,
  notes: optionalText(4000),
});

export type Caregiver = z.output<typeof caregiverSchema>;
export type CaregiverInput = z.input<typeof caregiverSchema>;
