/**
 * Calendar dates as YYYY-MM-DD strings, read and written without date-fns' parser and formatter
 * (which carry their locale machinery into the first screen). Dates are local midnight, so
 * date-fns arithmetic on them never crosses a day boundary through time zones.
 */
export function parseIsoDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y ?? Number.NaN, (m ?? 1) - 1, d ?? 1);
}

const pad = (n: number) => String(n).padStart(2, '0');

export function toIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
