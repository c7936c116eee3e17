import { describe, expect, it } from 'vitest';
import { placeEventLabels, shortLabel } from '../../src/output/eventLabels.ts';
import { describeChanges, eventsForDisplay, isoDate } from '../../src/output/timelineEvents.ts';
import { displayUnit } from '../../src/output/units.ts';
import { fakeScenario } from './fakeRun.ts';

describe('placeEventLabels', () => {
  const options = { width: 760, charWidth: 5, gap: 3 };

  it('keeps far-apart labels in the top lane', () => {
    const placed = placeEventLabels([0, 300, 600], ['a', 'b', 'c'], options);
    expect(placed.map((p) => p.lane)).toEqual([0, 0, 0]);
  });

  it('moves labels that would overlap to the next lane, and reuses a lane once it is free', () => {
    // each 10-character label is 50 px wide
    const labels = ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc', 'dddddddddd'];
    const placed = placeEventLabels([100, 120, 140, 400], labels, options);
    expect(placed.map((p) => p.lane)).toEqual([0, 1, 2, 0]);
  });

  it('never puts two overlapping labels in one lane while a lane is free', () => {
    const xs = [10, 20, 30, 40, 50, 60, 300, 310, 700];
    const placed = placeEventLabels(
      xs,
      xs.map(() => 'x'.repeat(12)),
      { ...options, lanes: 9 },
    );
    const spans = placed.map((p, i) => ({ lane: p.lane, from: xs[i], to: xs[i] + 3 + 12 * 5 }));
    for (const a of spans) {
      for (const b of spans) {
        if (a !== b && a.lane === b.lane) expect(a.to <= b.from || b.to <= a.from).toBe(true);
      }
    }
  });

  it('right-aligns labels that would run past the right edge', () => {
    const placed = placeEventLabels([750, 100], ['near the end', 'early'], options);
    expect(placed[0].align).toBe('right');
    expect(placed[1].align).toBe('left');
  });

  it('accepts events in any order and answers in input order', () => {
    const placed = placeEventLabels([600, 0], ['late', 'early'], options);
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
    expect(events[0].label).toBe('crackdown (strength 0.5)');
    expect(events[1].changes).toBe('foreign.regime = approval; ministries.grants → 5 by 2006');
    expect(events[2]).toMatchObject({ label: 'Later', source: 'src', changes: '' });
    expect(describeChanges(scenario.timeline[1])).toBe('crackdown (strength 0.5)');
  });
});

describe('displayUnit', () => {
  it('substitutes the currency and makes annual sums of flows per year', () => {
    expect(displayUnit('currency/month', 'USD', 'monthly', 'sum')).toBe('USD/month');
    expect(displayUnit('currency/month', 'million KZT', 'annual', 'sum')).toBe('million KZT/year');
    expect(displayUnit('organisations/month', 'USD', 'annual', 'sum')).toBe('organisations/year');
    expect(displayUnit('share', 'USD', 'annual', 'mean')).toBe('share');
  });
});
