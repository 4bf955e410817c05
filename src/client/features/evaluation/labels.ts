/** Translating the evaluation's label references (a key and the key of a value shown in it). */

import type { LabelRef } from '../../../shared/evaluation/table.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The i18n `t` as a plain function of string keys (the evaluation's keys are built by rule). */
export function useEvalT(): { t: Translate; language: string } {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as Translate, language: i18n.language };
}

export const labelText = (t: Translate, label: LabelRef): string =>
  t(label.key, label.value === undefined ? {} : { value: t(label.value, { defaultValue: label.value }) });

/** Per cent with one decimal in the UI language (45,5 %). */
export const percent = (value: number, language: string) =>
  `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 }).format(value)} %`;
