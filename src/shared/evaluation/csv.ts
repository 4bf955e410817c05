/**
 * CSV for Danish Excel (docs/decisions/0042-exports.md): UTF-8 with a byte-order mark (without it
 * Excel reads the file as Windows-1252), `;` between fields (Danish Excel's list separator, since
 * the comma is the decimal mark), decimal comma, CRLF line ends. A field is quoted when it holds a
 * `;`, a quote or a line break; one that starts with = + - @ gets a leading ' so Excel never runs
 * it as a formula (names typed by users may start so).
 */
export const BOM = '\uFEFF';
export const SEPARATOR = ';';

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? decimalComma(value) : value;
  if (/^[=+\-@]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A number with a decimal comma: whole numbers as they are, others with `decimals` places. */
export function decimalComma(value: number, decimals = 1): string {
  return (Number.isInteger(value) ? String(value) : value.toFixed(decimals)).replace('.', ',');
}

export const csvLine = (fields: readonly (string | number | null | undefined)[]) =>
  fields.map(csvField).join(SEPARATOR);

/** A whole file: BOM, lines joined with CRLF, a final CRLF. */
export const csvFile = (lines: readonly string[]) => `${BOM}${lines.join('\r\n')}\r\n`;

/** Reads a file written by csvFile back into rows of fields (for tests and checks). */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === SEPARATOR) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || (ch === '\r' && body[i + 1] === '\n')) {
      if (ch === '\r') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
