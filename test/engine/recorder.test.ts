/** The recorder: one column per metric, annual aggregates (sum, mean, last) over calendar years. */
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.ts';
import { Recorder, aggregateByYear, type RecordedMetric } from '../../src/engine/recorder.ts';

const metric = (id: string, aggregate: RecordedMetric['aggregate']): RecordedMetric => ({ id, aggregate });

// July 2000 to March 2002: a partial first year (6 months), a full year, a partial last year (3 months)
const cal = new Calendar('2000-07', '2002-03');
const ramp = Float64Array.from({ length: cal.ticks }, (_, t) => t + 1); // 1..21

describe('aggregateByYear', () => {
  it('sums a flow over each calendar year, partial years included', () => {
    expect(Array.from(aggregateByYear(ramp, cal, 'sum'))).toEqual([21, 150, 60]);
  });

  it('averages a level over the months recorded in each year', () => {
    expect(Array.from(aggregateByYear(ramp, cal, 'mean'))).toEqual([3.5, 12.5, 20]);
  });

  it('takes the last month of each year for a stock', () => {
    expect(Array.from(aggregateByYear(ramp, cal, 'last'))).toEqual([6, 18, 21]);
  });

  it('skips months that were not recorded (NaN); a year with none is NaN', () => {
    const col = Float64Array.from(ramp);
    col[5] = Number.NaN; // December 2000
    col[0] = Number.NaN;
    for (let t = 18; t < 21; t++) col[t] = Number.NaN; // all of 2002
    expect(Array.from(aggregateByYear(col, cal, 'sum'))).toEqual([2 + 3 + 4 + 5, 150, Number.NaN]);
    expect(Array.from(aggregateByYear(col, cal, 'mean'))).toEqual([3.5, 12.5, Number.NaN]);
    expect(Array.from(aggregateByYear(col, cal, 'last'))).toEqual([5, 18, Number.NaN]);
  });

  it('a horizon within one year gives one value', () => {
    const short = new Calendar('2003-02', '2003-04');
    const col = Float64Array.of(1, 2, 6);
    expect(Array.from(aggregateByYear(col, short, 'sum'))).toEqual([9]);
    expect(Array.from(aggregateByYear(col, short, 'mean'))).toEqual([3]);
    expect(Array.from(aggregateByYear(col, short, 'last'))).toEqual([6]);
  });
});

describe('Recorder', () => {
  const metrics = [metric('flow', 'sum'), metric('level', 'mean'), metric('stock', 'last')];

  it('records by slot and derives the annual aggregate of each metric by its kind', () => {
    const rec = new Recorder(metrics, cal);
    const slots = metrics.map((m) => rec.slot(m.id));
    expect(slots).toEqual([0, 1, 2]);
    for (let t = 0; t < cal.ticks; t++) for (const s of slots) rec.record(t, s, (t + 1) * (s + 1));
    const out = rec.finish();
    expect(out.ticks).toEqual(cal.dates());
    expect(out.years).toEqual([2000, 2001, 2002]);
    expect(Array.from(out.values.flow)).toEqual(Array.from(ramp));
    expect(Array.from(out.annual.flow)).toEqual([21, 150, 60]);
    expect(Array.from(out.annual.level)).toEqual([7, 25, 40]);
    expect(Array.from(out.annual.stock)).toEqual([18, 54, 63]);
  });

  it('months never recorded stay NaN', () => {
    const rec = new Recorder(metrics, cal);
    rec.record(0, rec.slot('flow'), 4);
    const out = rec.finish();
    expect(out.values.flow[0]).toBe(4);
    expect(Number.isNaN(out.values.flow[1])).toBe(true);
    expect(Array.from(out.annual.flow)).toEqual([4, Number.NaN, Number.NaN]);
    expect(Array.from(out.values.stock).every(Number.isNaN)).toBe(true);
  });

  it('an unknown metric id throws', () => {
    expect(() => new Recorder(metrics, cal).slot('nope')).toThrow(/unknown metric nope/);
  });
});
