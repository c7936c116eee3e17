import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, csvText, formatCsvNumber } from '../../src/output/csv.ts';
import { parseCsv } from './parseCsv.ts';

describe('formatCsvNumber', () => {
  it('writes the shortest decimal that reads back as the same double', () => {
    expect(formatCsvNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatCsvNumber(1 / 3)).toBe('0.3333333333333333');
    expect(formatCsvNumber(42)).toBe('42');
    expect(formatCsvNumber(1e21)).toBe('1e+21');
    expect(formatCsvNumber(1.5e-7)).toBe('1.5e-7');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Number(formatCsvNumber(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it('writes NaN as an empty cell, infinities as Inf and -0 as 0', () => {
    expect(formatCsvNumber(Number.NaN)).toBe('');
    expect(formatCsvNumber(Number.POSITIVE_INFINITY)).toBe('Inf');
    expect(formatCsvNumber(Number.NEGATIVE_INFINITY)).toBe('-Inf');
    expect(formatCsvNumber(-0)).toBe('0');
  });
});

describe('csvField and csvLine', () => {
  it('quotes only fields with commas, quotes or line breaks, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(true)).toBe('TRUE');
    expect(csvField(false)).toBe('FALSE');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('ends each record with \\n and separates fields with commas', () => {
    expect(csvLine(['a', 1, Number.NaN, 'x,y'])).toBe('a,1,,"x,y"\n');
    expect(csvText(['h\n', 'r\n'])).toBe('h\nr\n');
  });

  it('round-trips any strings through an RFC 4180 reader', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (cells) => {
        expect(parseCsv(csvLine(cells))).toEqual([cells]);
      }),
    );
  });
});
