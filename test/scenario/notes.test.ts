/** Label-only timeline events are notes: they validate, mark a date and change no lever. */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/models/civil-society/schema.ts';
import { runReplicate } from '../models/civil-society/run.ts';
import { checkText } from './helpers.ts';

describe('notes on the timeline', () => {
  const text =
    'name: t\nstart: 2000-01\nend: 2001-12\npopulation: { citizens: 1000, represents: 100000, ngoSampling: 1 }\n' +
    'timeline:\n  - date: 2000-06\n    label: A law is debated\n';

  it('an event with only a label is accepted', async () => {
    const { issues, loaded } = await checkText(text);
    expect(issues).toEqual([]);
    expect(loaded?.scenario.timeline).toHaveLength(1);
  });

  it('a note changes nothing in the run', async () => {
    const withNote = (await checkText(text)).loaded!.scenario as Scenario;
    const without = { ...withNote, timeline: [] };
    const a = runReplicate(withNote, 0).series.values;
    const b = runReplicate(without, 0).series.values;
    for (const id of Object.keys(a)) expect(Array.from(a[id])).toEqual(Array.from(b[id]));
  });

  it('an event with neither a change nor a label is still rejected', async () => {
    const { issues } = await checkText(
      text.replace('    label: A law is debated\n', '    source: somewhere\n'),
    );
    expect(issues.map((i) => i.message)).toContain('the event does nothing: give it set, ramp or action');
  });
});
