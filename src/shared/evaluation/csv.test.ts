/** The CSV writer and reader for Danish Excel. */
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvFile, csvLine, decimalComma, parseCsv } from './csv.ts';

describe('csv for Danish Excel', () => {
  it('writes a BOM, ; between fields, CRLF, decimal commas, and quotes what needs it', () => {
    const file = csvFile([csvLine(['Område', 'Andel']), csvLine(['Besøg; i alt', 45.25]), csvLine(['Sagde "ja"', 3])]);
    expect(file.startsWith(BOM)).toBe(true);
    expect(file).toBe(`${BOM}Område;Andel\r\n"Besøg; i alt";45,3\r\n"Sagde ""ja""";3\r\n`);
    expect(parseCsv(file)).toEqual([
      ['Område', 'Andel'],
      ['Besøg; i alt', '45,3'],
      ['Sagde "ja"', '3'],
    ]);
  });
  it('keeps a text starting like a formula from running as one, and whole numbers whole', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-Anne')).toBe("'-Anne");
    expect(decimalComma(50)).toBe('50');
    expect(decimalComma((2 / 3) * 100)).toBe('66,7');
  });
});
