/** Calendar dates (YYYY-MM-DD) shown in the UI language, without time-zone shifts. */
export function formatDate(isoDate: string, language = 'da'): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
