/** The tick loop: schedule, then the phases in order, then measurement, once per month. */
import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/engine/calendar.ts';
import { Recorder } from '../../src/engine/recorder.ts';
import { Schedule } from '../../src/engine/schedule.ts';
import { simulate, type Phase } from '../../src/engine/simulation.ts';

describe('simulate', () => {
  it('applies the schedule, runs the phases in order, then measures, on every tick', () => {
    const calendar = new Calendar('2000-11', '2001-02');
    const params = { rate: 1 };
    const log: string[] = [];
    const state = { total: 0 };
    const phases: Phase<typeof state>[] = [
      {
        name: 'grow',
        run: (s, ctx) => {
          s.total += params.rate;
          log.push(`grow ${ctx.tick} rate=${params.rate}`);
        },
      },
      {
        name: 'act',
        run: (_s, ctx) => log.push(`act ${ctx.tick} ${ctx.actions.map((a) => a.action).join(',')}`),
      },
    ];
    const recorder = new Recorder([{ id: 'total', aggregate: 'last' }], calendar);
    const ticks: number[] = [];
    const series = simulate(state, {
      clock: calendar,
      schedule: new Schedule([
        { tick: 1, set: { rate: 10 } },
        { tick: 2, action: 'boom' },
      ]),
      params,
      phases,
      recorder,
      measure: (s, ctx, rec) => {
        log.push(`measure ${ctx.tick}`);
        rec.record(ctx.tick, rec.slot('total'), s.total);
      },
      onTick: (tick, total) => ticks.push(tick * 100 + total),
    });
    expect(log).toEqual([
      'grow 0 rate=1',
      'act 0 ',
      'measure 0',
      'grow 1 rate=10',
      'act 1 ',
      'measure 1',
      'grow 2 rate=10',
      'act 2 boom',
      'measure 2',
      'grow 3 rate=10',
      'act 3 ',
      'measure 3',
    ]);
    expect(ticks).toEqual([4, 104, 204, 304]);
    expect(Array.from(series.values.total)).toEqual([1, 11, 21, 31]);
    expect(series.years).toEqual([2000, 2001]);
    expect(Array.from(series.annual.total)).toEqual([11, 31]);
  });
});
