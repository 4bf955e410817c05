/**
 * TOPI trivselsvurdering: one judgement of the child's well-being, grøn / gul / rød, with an
 * optional note; often first made with the parents at 8–10 months and continued by the daycare.
 * Values are ASCII (as elsewhere in the schemas); the UI shows them through the label keys.
 */
import * as z from 'zod/mini';
import { choice, optionalText } from '../schemas/fields.ts';
import { versionField } from './common.ts';

export const TOPI_VERSION = 'TOPI-DK-1';

export const topiJudgements = ['groen', 'gul', 'roed'] as const;
export type TopiJudgement = (typeof topiJudgements)[number];

/** i18n keys (Danish: grøn, gul, rød). */
export const topiLabelKeys: Readonly<Record<TopiJudgement, string>> = {
  groen: 'instruments.topi.groen',
  gul: 'instruments.topi.gul',
  roed: 'instruments.topi.roed',
};

export const topiResponseSchema = z.object({
  instrument: z.literal('TOPI'),
  version: z._default(versionField, TOPI_VERSION),
  judgement: choice(topiJudgements),
  note: optionalText(2000),
});

export type TopiResponse = z.output<typeof topiResponseSchema>;
export type TopiResponseInput = z.input<typeof topiResponseSchema>;
