/** A child's age in words: days in the first month, months until two years, then years and months. */

import { ageInDays, ageInMonths, localToday } from '../../shared/domain/age.ts';
import { useTranslation } from '../i18n/use-translation.ts';

export function Age({ birthDate, on = localToday() }: { birthDate: string; on?: string }) {
  const { t } = useTranslation();
  const days = ageInDays(birthDate, on);
  if (days < 0) return <>{t('child.notBorn')}</>;
  const months = ageInMonths(birthDate, on);
  if (months < 1) return <>{t('child.ageDays', { count: days })}</>;
  if (months < 24) return <>{t('child.ageMonths', { count: months })}</>;
  return <>{t('child.ageYearsMonths', { years: Math.floor(months / 12), months: months % 12 })}</>;
}
