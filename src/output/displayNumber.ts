/**
 * Numbers for people (the HTML report), not for machines (the CSVs keep every digit): thousands
 * separators, about four significant digits, and a dash for a missing value.
 */
const large = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const small = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

export function formatForReader(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '–' : value > 0 ? '∞' : '−∞';
  const text = Math.abs(value) >= 1000 ? large.format(value) : small.format(value);
  return text.replace(/^-/, '−');
}
