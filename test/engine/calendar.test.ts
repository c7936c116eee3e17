/**
 * The monthly calendar: tick 0 is the start month, one tick per month to the end month inclusive; dates
 * written YYYY, YYYY-MM, YYYY-MM-DD or as a year number fall in the tick of their month.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Calendar, endMonthIndex, formatMonth, monthIndex } from '../../src/engine/calendar.ts';

describe('monthIndex and endMonthIndex', () => {
  it('counts months since year 0; a plain year is its January', () => {
    expect(monthIndex('2000')).toBe(2000 * 12);
    expect(monthIndex(2000)).toBe(2000 * 12);
    expect(monthIndex('2000-01')).toBe(2000 * 12);
    expect(monthIndex('2000-12')).toBe(2000 * 12 + 11);
    expect(monthIndex('2004-03-31')).toBe(2004 * 12 + 2);
  });

  it('a bare year as an end date means its December; a month or a day means that month', () => {
    expect(endMonthIndex('2004')).toBe(2004 * 12 + 11);
    expect(endMonthIndex(2004)).toBe(2004 * 12 + 11);
    expect(endMonthIndex('2004-03')).toBe(2004 * 12 + 2);
    expect(endMonthIndex('2004-03-15')).toBe(2004 * 12 + 2);
  });

  it('rejects text that is not a date', () => {
    expect(() => monthIndex('March 2004')).toThrow(/not a date/);
    expect(() => monthIndex('')).toThrow(/not a date/);
  });

  it('formatMonth writes YYYY-MM and inverts monthIndex', () => {
    expect(formatMonth(2004 * 12 + 2)).toBe('2004-03');
    expect(formatMonth(2004 * 12 + 11)).toBe('2004-12');
    expect(formatMonth(999 * 12)).toBe('0999-01');
    fc.assert(
      fc.property(fc.integer({ min: 1000 * 12, max: 9999 * 12 + 11 }), (index) => {
        expect(monthIndex(formatMonth(index))).toBe(index);
      }),
    );
  });
});

describe('Calendar', () => {
  it('has one tick per month from the start month to the end month inclusive', () => {
    const cal = new Calendar('2000-03', '2002-02');
    expect(cal.ticks).toBe(24);
    expect(cal.dateOf(0)).toBe('2000-03');
    expect(cal.dateOf(9)).toBe('2000-12');
    expect(cal.dateOf(10)).toBe('2001-01');
    expect(cal.dateOf(23)).toBe('2002-02');
    expect(cal.dates()).toHaveLength(24);
    expect(cal.dates()[23]).toBe('2002-02');
  });

  it('a bare end year runs to its December', () => {
    const cal = new Calendar('2000-03', '2001');
    expect(cal.ticks).toBe(10 + 12);
    expect(cal.dateOf(cal.ticks - 1)).toBe('2001-12');
    const numeric = new Calendar(2000, 2000);
    expect(numeric.ticks).toBe(12);
    expect(numeric.dateOf(11)).toBe('2000-12');
  });

  it('a single-month horizon has one tick', () => {
    const cal = new Calendar('2000-05', '2000-05');
    expect(cal.ticks).toBe(1);
    expect(cal.years).toBe(1);
  });

  it('counts calendar years, partial first and last years included', () => {
    const cal = new Calendar('2000-07', '2002-03');
    expect(cal.firstYear).toBe(2000);
    expect(cal.years).toBe(3);
    expect(cal.yearList()).toEqual([2000, 2001, 2002]);
    expect(cal.yearOf(0)).toBe(2000);
    expect(cal.yearOf(5)).toBe(2000);
    expect(cal.yearOf(6)).toBe(2001);
    expect(cal.yearOf(cal.ticks - 1)).toBe(2002);
  });

  it('yearIndexOf and monthOf place each tick in its year and month', () => {
    const cal = new Calendar('2000-07', '2002-03');
    expect(cal.ticks).toBe(21);
    const indices = Array.from({ length: cal.ticks }, (_, t) => cal.yearIndexOf(t));
    expect(indices).toEqual([...Array(6).fill(0), ...Array(12).fill(1), ...Array(3).fill(2)]);
    expect(cal.monthOf(0)).toBe(6);
    expect(cal.monthOf(6)).toBe(0);
    expect(cal.monthOf(20)).toBe(2);
  });

  it('tickOf puts a date in the tick of its month; endTickOf reads a bare year as December', () => {
    const cal = new Calendar('2000-03', '2005-12');
    expect(cal.tickOf('2000-03')).toBe(0);
    expect(cal.tickOf('2000-03-31')).toBe(0);
    expect(cal.tickOf('2000-04-01')).toBe(1);
    expect(cal.tickOf('2001')).toBe(10);
    expect(cal.tickOf(2001)).toBe(10);
    expect(cal.endTickOf('2001')).toBe(21);
    expect(cal.endTickOf(2001)).toBe(21);
    expect(cal.endTickOf('2001-06')).toBe(15);
    // outside the horizon: negative before, ≥ ticks after
    expect(cal.tickOf('1999-12')).toBe(-3);
    expect(cal.contains(cal.tickOf('1999-12'))).toBe(false);
    expect(cal.tickOf('2006-01')).toBe(cal.ticks);
    expect(cal.contains(cal.ticks)).toBe(false);
    expect(cal.contains(cal.ticks - 1)).toBe(true);
  });

  it('dateOf and tickOf are inverse over the horizon', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900 * 12, max: 2100 * 12 }),
        fc.integer({ min: 0, max: 600 }),
        (start, span) => {
          const cal = new Calendar(formatMonth(start), formatMonth(start + span));
          expect(cal.ticks).toBe(span + 1);
          for (const t of [0, Math.floor(span / 2), span]) expect(cal.tickOf(cal.dateOf(t))).toBe(t);
          expect(cal.yearIndexOf(cal.ticks - 1)).toBe(cal.years - 1);
        },
      ),
    );
  });

  it('throws when the end is before the start', () => {
    expect(() => new Calendar('2001-01', '2000-12')).toThrow(/before start/);
    expect(() => new Calendar('2000-05', '2000-04')).toThrow(/before start/);
    expect(() => new Calendar(2001, 2000)).toThrow(/before start/);
    // a bare end year in the start's year is fine: it runs to December
    expect(() => new Calendar('2000-05', '2000')).not.toThrow();
  });
});
