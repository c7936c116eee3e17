import type { RunResult } from '../../src/output/runFiles.ts';

/** A run of `values[r][y]` for metric m over the years, replicate seed keys from `family`. */
export function fakeRun(
  name: string,
  family: string,
  years: number[],
  values: number[][],
  seed = 1,
): RunResult {
  return {
    model: {} as RunResult['model'],
    scenario: { name, seed, replicates: values.length, title: name } as unknown as RunResult['scenario'],
    replicates: values.map((row, r) => ({
      replicate: r,
      seedKey: `civsim|${family}|${seed}|${r}`,
      series: {
        ticks: [],
        values: {},
        years,
        annual: { m: Float64Array.from(row) },
      } as unknown as RunResult['replicates'][number]['series'],
    })),
  };
}

/** A run of a step model: `values[r][t]` of metric m at steps 0, 1, …, no years and no annual values. */
export function fakeStepRun(name: string, family: string, values: number[][], seed = 1): RunResult {
  const run = fakeRun(name, family, [], values, seed);
  run.model = { clock: 'step' } as RunResult['model'];
  values.forEach((row, r) => {
    const series = run.replicates[r].series;
    series.ticks = row.map((_, t) => String(t));
    series.values = { m: Float64Array.from(row) };
    series.annual = {};
  });
  return run;
}
