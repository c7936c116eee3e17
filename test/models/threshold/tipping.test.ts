/**
 * Granovetter (1978) docked: with normal thresholds of mean 0.25 clipped to [0, 1], where does the final
 * share of a crowd jump from a few to nearly all as the spread σ grows? The tipping σ is where the mean
 * final share over seeded crowds crosses 1/2 (src/models/threshold/tipping.ts). Checked at N = 100
 * against Granovetter's σ ≈ 0.122 and against an exact computation for a crowd of 100 that does not run
 * the model, then at N = 1,000 and 10,000 on the way to the infinite crowd; knockouts must fail the
 * N = 100 check. `npm run granovetter:tipping` writes the full table (results/validation).
 */
import { describe, expect, it } from 'vitest';
import { threshold } from '../../../src/models/threshold/index.ts';
import { scenarioSchema } from '../../../src/models/threshold/schema.ts';
import {
  continuumFinal,
  continuumTipping,
  crossing,
  exactMeanFinal,
  finalParticipation,
  locateTipping,
  type Tipping,
  type TippingOptions,
} from '../../../src/models/threshold/tipping.ts';
import { runReplicate } from '../../../src/run/replicate.ts';

/** σ from lo to hi in steps of `step`, rounded to the step's digits. */
const grid = (lo: number, hi: number, step: number) =>
  Array.from({ length: Math.round((hi - lo) / step) + 1 }, (_, k) => Number((lo + k * step).toFixed(6)));

/** Granovetter's tipping σ for mean 0.25 (1978, Fig. 2; ODD.md): participation jumps near 0.12. */
const granovetter = 0.12;

/**
 * The N = 100 acceptance band: [0.12, 0.14].
 * - Lower end, Granovetter's 0.12: his equilibria are those of the expected threshold distribution, an
 *   infinite crowd (continuumTipping: 0.1222). A crowd drawn at random tips later: it starts only if
 *   someone's threshold is 0, and its sampled thresholds must keep ahead of the share all the way up.
 *   The exact expected final share of a random crowd of 100 (exactMeanFinal, which does not run the
 *   model) crosses 1/2 at σ = 0.134; for N = 50, 200, 500 at 0.141, 0.130, 0.126 — always above 0.122.
 * - Upper end: that exact 0.134 plus 0.006, the simulation's allowed distance from it below: six
 *   bootstrap standard errors of the crossing with 400 seeds (SE ≈ 0.001). Interpolating on this grid
 *   of 0.0025 costs little: it moves the exact curve's crossing by 0.00001 from a grid of 0.0005.
 */
const band100: [number, number] = [granovetter, 0.14];
const inBand = (x: number, [lo, hi]: [number, number]) => x >= lo && x <= hi;

const sds100 = grid(0.09, 0.18, 0.0025);
const at100 = (over: Partial<TippingOptions> = {}) =>
  locateTipping({ agents: 100, seeds: 400, sds: sds100, resamples: 400, ...over });

describe('the crowd run to its end', () => {
  it('is the threshold model’s own replicate: the same final share as a long run of it', () => {
    for (const [sd, replicate] of [
      [0.1, 0],
      [0.13, 3],
      [0.13, 4],
      [0.2, 1],
    ]) {
      const scenario = scenarioSchema().parse({
        model: 'threshold',
        name: 'granovetter-tipping',
        steps: 300,
        population: { agents: 500, thresholds: { kind: 'normal', mean: 0.25, sd } },
      });
      const values = runReplicate(threshold, scenario, replicate).series.values.participation;
      expect(finalParticipation(scenario, replicate), `σ ${sd}, replicate ${replicate}`).toBe(
        values[values.length - 1],
      );
    }
  });

  it('the crossing interpolates between the grid points around it', () => {
    expect(crossing([0.1, 0.2, 0.3], [0, 0.25, 0.75])).toBeCloseTo(0.25, 12);
    expect(crossing([0.1, 0.2], [0.6, 0.9])).toBeNaN();
    expect(crossing([0.1, 0.2], [0.1, 0.2])).toBeNaN();
  });
});

describe('the infinite crowd and the exact finite one (no simulation)', () => {
  it('an infinite crowd tips at Granovetter’s 0.12 (0.1222)', () => {
    expect(continuumTipping()).toBeCloseTo(0.1222, 4);
    expect(continuumFinal(0.25, 0.12)).toBeLessThan(0.05);
    expect(continuumFinal(0.25, 0.125)).toBeGreaterThan(0.99);
  });

  it('the exact expectation matches hand counts for tiny crowds', () => {
    // mean 0.25, σ 0.25: P(θ ≤ 0) = Φ(−1), P(θ ≤ 1/2) = Φ(1)
    const p0 = 0.15865525393145707;
    const pHalf = 0.8413447460685429;
    // one agent acts iff its threshold is 0 (clipped)
    expect(exactMeanFinal(1, 0.25, 0.25)).toBeCloseTo(p0, 9);
    // two: both act if both thresholds are ≤ 1/2 and one of them is 0; one alone if she is at 0 and
    // the other above 1/2
    const both = pHalf ** 2 - (pHalf - p0) ** 2;
    const alone = 2 * p0 * (1 - pHalf);
    expect(exactMeanFinal(2, 0.25, 0.25)).toBeCloseTo(both + alone / 2, 9);
  });
});

describe('Granovetter (1978): where the crowd tips', () => {
  const exact100 = crossing(
    sds100,
    sds100.map((sd) => exactMeanFinal(100, 0.25, sd)),
  );

  // the unshifted crowd of 100, located once for the tests below
  let base100: Tipping | undefined;
  const baseline100 = () => (base100 ??= at100());

  it(`N = 100: near σ ≈ 0.12 (band ${band100.join('–')}) and on the exact value for a crowd of 100`, () => {
    const t = baseline100();
    expect(exact100).toBeCloseTo(0.134, 3);
    expect(Math.abs(t.tipping - exact100)).toBeLessThan(0.006);
    expect(inBand(t.tipping, band100), `tipping σ ${t.tipping}`).toBe(true);
    // a few below, nearly all above: the transition of a crowd of 100 is broad, but it is one
    expect(t.means[sds100.indexOf(0.1)]).toBeLessThan(0.05);
    expect(t.means[sds100.indexOf(0.17)]).toBeGreaterThan(0.95);
    expect(t.interval[0]).toBeLessThan(t.tipping);
    expect(t.interval[1]).toBeGreaterThan(t.tipping);
    expect(t.interval[1] - t.interval[0]).toBeLessThan(0.01);
  });

  it('knockouts fail the N = 100 check: thresholds shifted down, and no one at threshold 0', () => {
    // every threshold 0.05 lower (mean 0.2): the crowd tips at a smaller spread
    const lower = at100({ thresholdShift: -0.05 });
    expect(lower.tipping).toBeLessThan(band100[0] - 0.01);
    expect(inBand(lower.tipping, band100)).toBe(false);
    // every threshold 0.05 higher: nobody is left at 0, nobody starts, and no spread tips the crowd
    const nobodyStarts = at100({ thresholdShift: 0.05 });
    expect(Math.max(...nobodyStarts.means)).toBe(0);
    expect(inBand(nobodyStarts.tipping, band100)).toBe(false);
  });

  it('larger crowds tip closer to the infinite crowd’s 0.1222: N = 1,000 and 10,000', () => {
    const infinite = continuumTipping();
    const t100 = baseline100().tipping;
    const t1k = locateTipping({ agents: 1000, seeds: 100, sds: grid(0.11, 0.14, 0.0025), resamples: 0 });
    const t10k = locateTipping({ agents: 10_000, seeds: 40, sds: grid(0.116, 0.13, 0.002), resamples: 0 });
    // above the infinite crowd and below the smaller crowd
    expect(t1k.tipping).toBeGreaterThan(infinite);
    expect(t1k.tipping).toBeLessThan(t100 - 0.004);
    // within 0.002 of it at 10,000: the crowd-size shift has fallen to about 0.0005 (the full table),
    // the crossing's bootstrap half-width with 40 seeds is about 0.0007
    expect(Math.abs(t10k.tipping - infinite)).toBeLessThan(0.002);
    // and the transition narrows: 10% to 90% of the final share over a smaller range of σ
    expect(t10k.to - t10k.from).toBeLessThan(t1k.to - t1k.from);
  });
});
