/**
 * `civsim calibrate SCENARIO --targets FILE --param PATH=LO:HI …`: its options, their checks and help.
 * The calibration itself is in ./calibrateAction.ts. Exit codes: 0 done, 1 failed while running, 2 bad
 * input (scenario, targets, parameters, arguments), 130 interrupted (continue with --resume --id).
 */
import type { Argv, CommandModule } from 'yargs';
import { abcDefaults } from '../../calibrate/abcSmc.ts';
import { parseShard } from '../../experiment/sweepPlan.ts';
import { queueUrlProblem } from '../../node/queueAddress.ts';
import { cores } from '../../node/resources.ts';
import { runArgsProblem } from './run.ts';
import { usageFail } from './usageFail.ts';

export interface CalibrateArgs {
  scenario: string;
  targets: string;
  holdout?: string;
  param?: string[];
  particles: number;
  alpha: number;
  minAcceptance: number;
  generations: number;
  replicates?: number;
  seed?: number;
  scale?: number;
  out: string;
  id?: string;
  workers?: number;
  queue?: string;
  shard?: string;
  resume: boolean;
  charts: boolean;
  quiet: boolean;
  debug?: boolean;
}

export function calibrateArgsProblem(
  args: Partial<Record<keyof CalibrateArgs, unknown>>,
): string | undefined {
  const common = runArgsProblem(args as Parameters<typeof runArgsProblem>[0]);
  if (common) return common;
  const params = args.param;
  if (!Array.isArray(params) || params.length === 0 || params.some((p) => typeof p !== 'string')) {
    return 'calibrate needs at least one --param PATH=LO:HI (the prior range of a parameter to fit)';
  }
  if (typeof args.targets !== 'string') return '--targets takes one CSV file';
  if (args.holdout !== undefined && typeof args.holdout !== 'string') return '--holdout takes one CSV file';
  const whole = (name: string, value: unknown, min: number, max: number) =>
    value !== undefined &&
    !(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max)
      ? `--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value) ?? String(value)}`
      : undefined;
  const share = (name: string, value: unknown, low: number, high: number) =>
    value !== undefined && !(typeof value === 'number' && value > low && value < high)
      ? `--${name} must be a number between ${low} and ${high}, got ${JSON.stringify(value) ?? String(value)}`
      : undefined;
  const problem =
    whole('particles', args.particles, 4, 1_000_000) ??
    whole('generations', args.generations, 1, 1000) ??
    share('alpha', args.alpha, 0, 1) ??
    share('min-acceptance', args.minAcceptance, 0, 1);
  if (problem) return problem;
  if (args.resume && args.id === undefined) return '--resume needs the --id of the calibration to continue';
  if (args.shard !== undefined) {
    if (typeof args.shard !== 'string' || !parseShard(args.shard)) {
      return `--shard takes k/n with 1 ≤ k ≤ n (e.g. 3/10), got ${JSON.stringify(args.shard)}`;
    }
    if (args.id === undefined) return '--shard needs an --id shared by all the shards';
    if (args.queue !== undefined)
      return '--queue and --shard are two ways to spread a calibration: choose one';
    if (args.resume) return '--shard needs no --resume: run the same command again and it goes on';
  }
  if (args.queue !== undefined) {
    if (typeof args.queue !== 'string') return '--queue must be given once';
    const bad = queueUrlProblem(args.queue);
    if (bad) return bad;
    if (args.workers !== undefined) {
      return '--workers sets local threads; with --queue the runs are made by civsim worker processes (give them --workers)';
    }
  }
  return undefined;
}

function builder(setExit: (code: number) => void) {
  return (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML or JSON)' })
      .option('targets', {
        alias: 't',
        type: 'string',
        demandOption: true,
        describe: 'Observations to fit: CSV with date,metric,value,sd_or_tolerance,definition,source',
      })
      .option('holdout', {
        type: 'string',
        describe: 'Observations to judge the calibration on but not fit (same columns): a forecast check',
      })
      .option('param', {
        alias: 'p',
        type: 'string',
        array: true,
        describe:
          'A parameter to fit and its prior range, repeatable: PATH=LO:HI (uniform) or PATH=LO:HI:log',
      })
      .option('particles', {
        alias: 'n',
        type: 'number',
        default: abcDefaults.particles,
        describe: 'Particles of the first generation (N); each later one renews N − αN of them',
      })
      .option('alpha', {
        type: 'number',
        default: abcDefaults.alpha,
        describe: 'Share of particles kept each generation; the tolerance is that quantile of the distances',
      })
      .option('min-acceptance', {
        type: 'number',
        default: abcDefaults.minAcceptance,
        describe: 'Stop when fewer new particles than this share fall within the last tolerance',
      })
      .option('generations', {
        type: 'number',
        default: abcDefaults.maxGenerations,
        describe: 'Most generations to run',
      })
      .option('replicates', {
        alias: 'r',
        type: 'number',
        describe: 'Replicates per particle, averaged before the distance (default 1)',
      })
      .option('seed', { type: 'number', describe: "Master seed (default: the scenario's)" })
      .option('scale', { type: 'number', describe: 'Multiply the simulated citizens (e.g. 0.1)' })
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'results',
        describe: 'Folder that holds results',
      })
      .option('id', {
        type: 'string',
        describe: 'Calibration folder name (default: <UTC start time>-seed<N>)',
      })
      .option('workers', {
        alias: 'w',
        type: 'number',
        describe: `Worker threads (default: the cores, here ${cores()})`,
      })
      .option('queue', {
        type: 'string',
        describe: 'Make the runs on civsim worker processes through this Redis queue (redis://host:6379)',
      })
      .option('shard', {
        type: 'string',
        describe:
          'Run part k of n of the next generation (k/n, same --id and a shared folder); rerun all shards until done',
      })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe: 'Continue the interrupted calibration --id with the same command',
      })
      .option('charts', {
        type: 'boolean',
        default: true,
        describe: 'Draw charts (--no-charts: tables and reports only)',
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .check((argv) => calibrateArgsProblem(argv as Partial<Record<keyof CalibrateArgs, unknown>>) ?? true)
      .fail(usageFail('calibrate', setExit))
      .example(
        '$0 calibrate scenarios/kazakhstan.yaml -t scenarios/calibration/kazakhstan-targets.csv -p parameters.founding.baseRate=0.5:3 -p parameters.participation.baseRate=0.1:0.4 --scale 0.1',
        'Fit two rates to the counts and the volunteering of 1994–2010',
      )
      .example(
        '$0 calibrate s.yaml -t t.csv -p parameters.x=1e-3:1:log --holdout later.csv --id fit1',
        'A log-uniform prior, judged on observations it never saw',
      )
      .example(
        '$0 calibrate s.yaml -t t.csv -p parameters.x=0:1 --resume --id fit1',
        'Continue an interrupted calibration',
      )
      .wrap(Math.min(120, y.terminalWidth()))
      .epilogue(
        [
          'ABC-SMC (Lenormand et al. 2013): each generation simulates its particles, keeps the closest share α and',
          'stops when few new particles beat the last tolerance. Writes <out>/_calibrate/<id>/: posterior.csv,',
          'particles.csv, summary.csv (medians, 95% credible intervals), generations.csv, fit.csv,',
          '<name>-calibrated.yaml (extends the scenario with the medians), charts/, report.md, report.html.',
          'Exit codes: 0 done, 1 failed, 2 bad scenario, targets, parameters or arguments, 130 interrupted.',
        ].join('\n'),
      );
}

export function calibrateCommand(setExit: (code: number) => void): CommandModule<object, CalibrateArgs> {
  return {
    command: 'calibrate <scenario>',
    describe: 'Fit parameters to observed targets (ABC-SMC); posterior, calibrated scenario and fit report',
    builder: builder(setExit) as unknown as CommandModule<object, CalibrateArgs>['builder'],
    handler: async (args) => {
      if (calibrateArgsProblem(args)) return;
      const { calibrate } = await import('./calibrateAction.ts');
      setExit(await calibrate(args));
    },
  };
}
