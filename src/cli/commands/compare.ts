/**
 * `civsim compare SCENARIO…`: its options, their checks and help. The comparison itself is in
 * ./compareAction.ts. Exit codes: 0 done, 1 failed while running, 2 bad input, 130 interrupted. stdout
 * gets only the path of the finished comparison folder.
 */
import type { Argv, CommandModule } from 'yargs';
import { cores } from '../../node/resources.ts';
import { runArgsProblem } from './run.ts';
import { usageFail } from './usageFail.ts';

export interface CompareArgs {
  scenarios: string[];
  baseline?: string;
  seed?: number;
  replicates?: number;
  scale?: number;
  metrics?: string;
  years?: string;
  precision: number;
  out: string;
  id?: string;
  workers?: number;
  charts: boolean;
  quiet: boolean;
  debug?: boolean;
}

/** What is wrong with the options that yargs cannot check, or undefined. */
export function compareArgsProblem(args: Partial<Record<keyof CompareArgs, unknown>>): string | undefined {
  const common = runArgsProblem(args as Parameters<typeof runArgsProblem>[0]);
  if (common) return common;
  const scenarios = args.scenarios;
  if (!Array.isArray(scenarios) || scenarios.length < 2) {
    return 'compare needs at least two scenarios (the first is the baseline unless --baseline names another)';
  }
  const p = args.precision;
  if (p !== undefined && !(typeof p === 'number' && p > 0 && p < 1)) {
    return `--precision must be a share between 0 and 1 (0.05 for ±5%), got ${JSON.stringify(p) ?? String(p)}`;
  }
  if (args.years !== undefined) {
    if (typeof args.years !== 'string' && typeof args.years !== 'number') {
      return '--years (or --steps) must be given once';
    }
    const bad = String(args.years)
      .split(',')
      .find((y) => !/^\d+$/.test(y.trim()));
    if (bad !== undefined) {
      return (
        '--years takes years separated by commas (2030,2040), --steps steps of a step model (50,100); ' +
        `got ${JSON.stringify(bad)}`
      );
    }
  }
  if (args.metrics !== undefined && typeof args.metrics !== 'string') return '--metrics must be given once';
  if (args.baseline !== undefined && typeof args.baseline !== 'string')
    return '--baseline must be given once';
  return undefined;
}

function builder(setExit: (code: number) => void) {
  return (y: Argv) =>
    y
      .positional('scenarios', {
        type: 'string',
        array: true,
        describe: 'Scenario files (YAML or JSON), two or more',
      })
      .option('baseline', {
        alias: 'b',
        type: 'string',
        describe: 'The scenario the others are compared with: its name or file (default: the first)',
      })
      .option('seed', {
        type: 'number',
        describe: "Master seed for every scenario (default: the first scenario's)",
      })
      .option('replicates', {
        alias: 'r',
        type: 'number',
        describe: "Replicates per scenario (default: the first scenario's)",
      })
      .option('scale', {
        type: 'number',
        describe: 'Multiply the simulated citizens (e.g. 0.1 for a quick look)',
      })
      .option('metrics', {
        alias: 'm',
        type: 'string',
        describe: "Metric ids to compare, separated by commas (default: the model's headline metrics)",
      })
      .option('years', {
        alias: 'steps',
        type: 'string',
        describe:
          'Outcome years besides the horizon, e.g. 2030,2040; for step models (schelling, epstein, threshold) ' +
          'outcome steps besides the last, e.g. 50,100',
      })
      .option('precision', {
        type: 'number',
        default: 0.05,
        describe:
          'Target half-width of each 95% interval relative to its mean: says how many replicates it needs',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'results',
        describe: 'Folder that holds results',
      })
      .option('id', {
        type: 'string',
        describe: 'Comparison folder name (default: <UTC start time>-seed<N>)',
      })
      .option('workers', {
        alias: 'w',
        type: 'number',
        describe: `Worker threads (default: the cores, here ${cores()})`,
      })
      .option('charts', {
        type: 'boolean',
        default: true,
        describe: 'Draw charts (--no-charts: tables and reports only)',
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .check((argv) => compareArgsProblem(argv as Partial<Record<keyof CompareArgs, unknown>>) ?? true)
      .fail(usageFail('compare', setExit))
      .example(
        '$0 compare scenarios/status-quo.yaml scenarios/merit-partnership.yaml scenarios/restrictive.yaml -r 30',
        'Two policies against the status quo, 30 paired replicates each',
      )
      .example(
        '$0 compare scenarios/*.yaml --baseline status-quo --years 2030,2040 --metrics trust,civic_space',
        'Chosen metrics at 2030, 2040 and the horizon',
      )
      .example(
        '$0 compare scenarios/classics/epstein-legitimacy-{sudden,gradual}.yaml -r 10 --steps 60,250',
        'A step model, compared step by step: outcomes at steps 60, 250 and the last',
      )
      .example('$0 compare a.yaml b.yaml --scale 0.1 -r 5 -q', 'A quick look; prints only the folder')
      .wrap(Math.min(120, y.terminalWidth()))
      .epilogue(
        [
          'Writes <out>/_compare/<id>/: report.md, comparison.csv (scenario, metric, year, statistic, value)',
          'and runs/<scenario>/manifest.json. All scenarios share one seed and stream family (common random',
          'numbers), so replicate r of each is paired with replicate r of the baseline. Calendar models are',
          'compared year by year (annual aggregates); step models step by step (the state after each step),',
          'and comparison.csv has a step column for year.',
          'Exit codes: 0 done, 1 failed, 2 bad scenarios or arguments, 130 interrupted.',
        ].join('\n'),
      );
}

export function compareCommand(setExit: (code: number) => void): CommandModule<object, CompareArgs> {
  return {
    command: 'compare <scenarios..>',
    describe: 'Run scenarios with common random numbers and compare them with a baseline',
    builder: builder(setExit) as unknown as CommandModule<object, CompareArgs>['builder'],
    handler: async (args) => {
      if (compareArgsProblem(args)) return;
      const { compare } = await import('./compareAction.ts');
      setExit(await compare(args));
    },
  };
}
