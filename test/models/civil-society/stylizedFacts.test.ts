/**
 * The twelve stylized facts of the literature (src/models/civil-society/facts.ts, the functions
 * `civsim facts` runs) on a small generic country, each with the knockouts of its mechanism: a fact must
 * hold with its mechanism and fail without it, or it would say nothing about the mechanism. Seeds are
 * fixed, so a failure is reproducible; bands leave room for sampling noise but not for the opposite sign.
 */
import { describe, expect, it } from 'vitest';
import { inBand } from '../../../src/models/definition.ts';
import { stylizedFacts, withOverrides } from '../../../src/models/civil-society/facts.ts';
import { bandWords } from '../../../src/run/facts.ts';
import { scenarioWith } from './support.ts';

const country = scenarioWith({});
const REPLICATES = 3;

/** The rows outside their bands, in words (empty when the fact holds). */
const misses = (rows: ReturnType<(typeof stylizedFacts)[number]['check']>) =>
  rows.filter((r) => !inBand(r)).map((r) => `${r.statistic} = ${r.value} (band ${bandWords(r.band)})`);

describe('the stylized facts hold on a generic country', () => {
  it('there are twelve, each with at least one knockout', () => {
    expect(stylizedFacts.map((f) => f.id)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    for (const f of stylizedFacts) expect(f.knockouts.length).toBeGreaterThan(0);
  });

  for (const fact of stylizedFacts) {
    describe(`fact ${fact.id}: ${fact.title}`, () => {
      it('holds', () => {
        expect(misses(fact.check(country, REPLICATES))).toEqual([]);
      });
      for (const knockout of fact.knockouts) {
        it(`fails when its mechanism is knocked out: ${knockout.label}`, () => {
          const rows = fact.check(withOverrides(country, knockout.overrides), REPLICATES);
          expect(misses(rows).length).toBeGreaterThan(0);
        });
      }
    });
  }
});

describe('a knockout is a change of the mechanism only', () => {
  it('each knockout overrides parameters only, never levers or the timeline', () => {
    for (const f of stylizedFacts) {
      for (const k of f.knockouts) expect(Object.keys(k.overrides)).toEqual(['parameters']);
    }
  });
});
