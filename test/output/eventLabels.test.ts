import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LabelPlacement } from '../../src/output/eventLabels.ts';
import { placeEventLabels, shortLabel } from '../../src/output/eventLabels.ts';
import { describeChanges, eventsForDisplay, isoDate } from '../../src/output/timelineEvents.ts';
import { displayUnit } from '../../src/output/units.ts';
import { fakeScenario } from './fakeRun.ts';

describe('placeEventLabels', () => {
  const options = { width: 760, charWidth: 5, gap: 3 };
  const events = (xs: number[], labels: string[]) =>
    xs.map((x, i) => ({ x, label: labels[i], number: i + 1 }));

  /** Pixel extent of a placed label (the layout's own rule: width = characters x charWidth + gap). */
  const extent = (x: number, p: LabelPlacement) => {
    const w = [...p.text].length * options.charWidth + options.gap;
    return p.align === 'left' ? { from: x, to: x + w } : { from: x - w, to: x };
  };

  function expectNoOverlap(xs: number[], placed: LabelPlacement[]) {
    placed.forEach((a, i) =>
      placed.forEach((b, j) => {
        if (i === j || a.lane === null || a.lane !== b.lane) return;
        const ea = extent(xs[i], a);
        const eb = extent(xs[j], b);
        expect(ea.to <= eb.from || eb.to <= ea.from, `${a.text} / ${b.text}`).toBe(true);
      }),
    );
  }

  it('keeps far-apart labels in the lane next to the plot, by name only', () => {
    const placed = placeEventLabels(events([0, 300, 600], ['a', 'b', 'c']), options);
    expect(placed.map((p) => [p.lane, p.text])).toEqual([
      [0, 'a'],
      [0, 'b'],
      [0, 'c'],
    ]);
  });

  it('moves labels that would overlap to the next lane, and reuses a lane once it is free', () => {
    // each 10-character label is 50 px wide
    const labels = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd'];
    const placed = placeEventLabels(events([100, 120, 140, 400], labels), options);
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 2, 0]);
    expect(placed.map((p) => p.text)).toEqual(labels);
  });

  it('numbers the labels of a crowded timeline, keeps names where there is room, and never overlaps', () => {
    const xs = [10, 14, 18, 22, 26, 30, 34, 38, 300, 700];
    const labels = xs.map((_, i) => `Event number ${i + 1} of many`);
    const placed = placeEventLabels(events(xs, labels), options);
    expectNoOverlap(xs, placed);
    // every label starts with its event's number; the isolated ones keep their name
    placed.forEach((p, i) => {
      if (p.lane !== null) expect(p.text.startsWith(String(i + 1))).toBe(true);
    });
    expect(placed[8].text).toBe('9 Event number 9 of many');
    expect(placed.filter((p) => p.lane !== null).length).toBeGreaterThanOrEqual(3);
  });

  it('never overlaps, whatever the events', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 760 }),
            label: fc.string({ minLength: 1, maxLength: 40 }),
          }),
          {
            maxLength: 60,
          },
        ),
        (input) => {
          const xs = input.map((e) => e.x);
          const placed = placeEventLabels(
            input.map((e, i) => ({ ...e, number: i + 1 })),
            options,
          );
          expect(placed).toHaveLength(input.length);
          expectNoOverlap(xs, placed);
          for (const p of placed) if (p.lane !== null) expect(p.lane).toBeLessThan(3);
        },
      ),
    );
  });

  it('right-aligns labels that would run past the right edge', () => {
    const placed = placeEventLabels(events([750, 100], ['near the end', 'early']), options);
    expect(placed[0].align).toBe('right');
    expect(placed[1].align).toBe('left');
  });

  it('accepts events in any order and answers in input order', () => {
    const placed = placeEventLabels(events([600, 0], ['late', 'early']), options);
    expect(placed.map((p) => p.text)).toEqual(['late', 'early']);
  });

  it('shortens long labels with an ellipsis', () => {
    expect(shortLabel('Re-registration drive of all NGOs', 12)).toBe('Re-registra…');
    expect(shortLabel('short', 12)).toBe('short');
  });
});

describe('timeline events for display', () => {
  it('turns every date form into an ISO date', () => {
    expect(isoDate(2005)).toBe('2005-01-01');
    expect(isoDate('2005')).toBe('2005-01-01');
    expect(isoDate('2005-03')).toBe('2005-03-01');
    expect(isoDate('2005-03-17')).toBe('2005-03-17');
  });

  it('sorts by date, labels unlabelled events by what they do, and keeps sources', () => {
    const scenario = fakeScenario({
      timeline: [
        { date: '2006', label: 'Later', source: 'src' },
        { date: '2004-05', action: 'crackdown', strength: 0.5 },
        {
          date: '2004-05',
          set: { 'foreign.regime': 'approval' },
          ramp: { 'ministries.grants': 5 },
          until: '2006',
        },
      ],
    });
    const events = eventsForDisplay(scenario.timeline);
    expect(events.map((e) => e.date)).toEqual(['2004-05-01', '2004-05-01', '2006-01-01']);
    expect(events.map((e) => e.number)).toEqual([1, 2, 3]);
    expect(events[0].label).toBe('crackdown (strength 0.5)');
    expect(events[1].changes).toBe('foreign.regime = approval; ministries.grants → 5 by 2006');
    expect(events[2]).toMatchObject({ label: 'Later', source: 'src', changes: '' });
    expect(describeChanges(scenario.timeline[1])).toBe('crackdown (strength 0.5)');
  });
});

describe('displayUnit', () => {
  it('substitutes the currency and makes annual sums of flows per year', () => {
    const usd = { currency: 'USD' };
    expect(displayUnit('currency/month', usd, 'tick', 'sum')).toBe('USD/month');
    expect(displayUnit('currency/month', { currency: 'million KZT' }, 'annual', 'sum')).toBe(
      'million KZT/year',
    );
    expect(displayUnit('organisations/month', usd, 'annual', 'sum')).toBe('organisations/year');
    expect(displayUnit('share', usd, 'annual', 'mean')).toBe('share');
    expect(displayUnit('agents', {}, 'tick', 'sum')).toBe('agents');
  });
});
