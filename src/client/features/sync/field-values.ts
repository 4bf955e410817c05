/** Field labels and readable values for the conflict view, from the kind's catalogue section. */
import type { TFunction } from '../../i18n/text-keys.ts';
import { formatNumber } from '../../ui/field.tsx';

const enumKeys: Record<string, string> = {
  'family.status': 'family.statuses',
  'family.inclusionReason': 'family.inclusionReasons',
  'child.sex': 'child.sexes',
  'child.childcareType': 'child.childcareTypes',
};

export function fieldLabel(t: TFunction, kind: string, field: string): string {
  return t(`${kind}.${field}` as never, { defaultValue: field });
}

export function fieldValue(t: TFunction, kind: string, field: string, value: unknown, language = 'da'): string {
  if (value === null || value === undefined || value === '') return t('attention.empty_value');
  const section = enumKeys[`${kind}.${field}`];
  if (section && typeof value === 'string') return t(`${section}.${value}` as never, { defaultValue: value });
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'number') return formatNumber(value, language, { maximumFractionDigits: 3 });
  return typeof value === 'string' ? value : JSON.stringify(value);
}
