/**
 * `civsim sweep SCENARIO --param PATH=… …`: its options, their checks and help. The sweep itself is in
 * ./sweepAction.ts. Exit codes: 0 done, 1 failed while running, 2 bad input (scenario, parameters,
 * design, arguments), 130 interrupted (resume with --resume --id). stdout gets only the sweep's folder.
 */
import type { Argv, CommandModule } from 'yargs';
import { designKinds, type DesignKind } from '../../experiment/design.ts';
import { parseShard } from '../../experiment/sweepPlan.ts';
import { cores } from '../../node/resources.ts';
import { queueUrlProblem } from '../../node/queueAddress.ts';
import { runArgsProblem } from './run.ts';
import { usageFail } from './usageFail.ts';

export interface SweepArgs {
  scenario: string;
  param?: string[];
  design?: DesignKind;
  samples?: number;
  levels?: number;
  seed?: number;
  replicates?: number;
  scale?: number;
  metrics?: string;
  years?: string;
  out: string;
  id?: string;
  workers?: number;
  resume: boolean;
  independentSeeds?: boolean;
  shard?: string;
  queue?: string;
  resamples: number;
  charts: boolean;
  quiet: boolean;
  debug?: boolean;
}

export function sweepArgsProblem(args: Partial<Record<keyof SweepArgs, unknown>>): string | undefined {
  const common = runArgsProblem(args as Parameters<typeof runArgsProblem>[0]);
  if (common) return common;
  const params = args.param;
  if (params !== undefined && (!Array.isArray(params) || params.some((p) => typeof p !== 'string'))) {
    return '--param takes PATH=VALUES (e.g. --param levers.legitimacy=0.2:0.8)';
  }
  for (const [name, value, min] of [
    ['samples', args.samples, 1],
    ['levels', args.levels, 1],
    ['resamples', args.resamples, 0],
  ] as const) {
    if (
      value !== undefined &&
      !(typeof value === 'number' && Number.isInteger(value) && value >= min && value <= 10_000_000)
    ) {
      return `--${name} must be a whole number from ${min}, got ${JSON.stringify(value) ?? String(value)}`;
    }
  }
  if (args.shard !== undefined && (typeof args.shard !== 'string' || !parseShard(args.shard))) {
    return `--shard takes k/n with 1 ≤ k ≤ n (e.g. 3/10), got ${JSON.stringify(args.shard)}`;
  }
  if (args.resume && args.id === undefined) return '--resume needs the --id of the sweep to continue';
  if (args.queue !== undefined) {
    if (typeof args.queue !== 'string') return '--queue must be given once';
    const problem = queueUrlProblem(args.queue);
    if (problem) return problem;
    if (args.shard !== undefined) return '--queue and --shard are two ways to spread a sweep: choose one';
    if (args.workers !== undefined) {
      return '--workers sets local threads; with --queue the runs are made by civsim worker processes (give them --workers)';
    }
  }
  if (args.years !== undefined) {
    if (typeof args.years !== 'string' && typeof args.years !== 'number')
      return '--years (--steps) must be given once';
    const bad = String(args.years)
      .split(',')
      .find((y) => !/^\d+$/.test(y.trim()));
    if (bad !== undefined)
      return `--years (--steps) takes years (or steps) separated by commas, got ${JSON.stringify(bad)}`;
  }
  if (args.metrics !== undefined && typeof args.metrics !== 'string') return '--metrics must be given once';
  return undefined;
}

function builder(setExit: (code: number) => void) {
  return (y: Argv) =>
    y
      .positional('scenario', { type: 'string', describe: 'Scenario file (YAML or JSON)' })
      .option('param', {
        alias: 'p',
        type: 'string',
        array: true,
        describe:
          "A swept parameter, repeatable: PATH=V1,V2,… (values), PATH=LO:HI (range), PATH=LO:HI:log; PATH@YYYY-MM=… holds a lever from that month on. Without any, the scenario's sweep: block",
      })
      .option('design', {
        alias: 'd',
        choices: designKinds as unknown as string[],
        describe:
          'grid (every combination), lhs (Latin hypercube), morris (screening), sobol (variance-based indices)',
      })
      .option('samples', {
        alias: 'n',
        type: 'number',
        describe: 'lhs: points (50); morris: trajectories (10); sobol: base rows N (256, a power of 2)',
      })
      .option('levels', {
        type: 'number',
        describe: 'grid: values per range (5); morris: grid levels (4, even)',
      })
      .option('replicates', {
        alias: 'r',
        type: 'number',
        describe: "Replicates per design point (default: the scenario's)",
      })
      .option('seed', { type: 'number', describe: "Master seed (default: the scenario's)" })
      .option('scale', {
        type: 'number',
        describe: 'Multiply the simulated citizens (e.g. 0.1 for a quick look)',
      })
      .option('metrics', {
        alias: 'm',
        type: 'string',
        describe: "Metric ids to record, separated by commas (default: the model's headline metrics)",
      })
      .option('years', {
        alias: 'steps',
        type: 'string',
        describe:
          'Outcome years for indices and charts besides the last, e.g. 2030,2040; for step models ' +
          '(schelling, epstein, threshold) outcome steps besides the last, e.g. 50,100',
      })
      .option('out', {
        alias: 'o',
        type: 'string',
        default: 'results',
        describe: 'Folder that holds results',
      })
      .option('id', { type: 'string', describe: 'Sweep folder name (default: <UTC start time>-seed<N>)' })
      .option('workers', {
        alias: 'w',
        type: 'number',
        describe: `Worker threads (default: the cores, here ${cores()})`,
      })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe: 'Continue the interrupted sweep --id with the same command: finished runs are kept',
      })
      .option('independent-seeds', {
        type: 'boolean',
        describe: 'Give each design point its own random streams (default: common random numbers)',
      })
      .option('shard', {
        type: 'string',
        describe: 'Run only part k of n of the sweep (k/n), for batch schedulers; join with civsim merge',
      })
      .option('queue', {
        type: 'string',
        describe:
          'Queue the runs on Redis (redis://host:6379) for civsim worker processes on any machines; results come back through Redis',
      })
      .option('resamples', {
        type: 'number',
        default: 1000,
        describe: 'Bootstrap resamples for the intervals of the indices',
      })
      .option('charts', {
        type: 'boolean',
        default: true,
        describe: 'Draw charts (--no-charts: tables and reports only)',
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Print nothing but errors' })
      .check((argv) => sweepArgsProblem(argv as Partial<Record<keyof SweepArgs, unknown>>) ?? true)
      .fail(usageFail('sweep', setExit))
      .example(
        '$0 sweep scenarios/status-quo.yaml -p levers.repression.level=0:0.8 -p levers.legitimacy=0.3,0.5,0.7 --scale 0.1 -r 5',
        'A grid: five repression levels × three legitimacy values, 5 paired replicates each',
      )
      .example(
        '$0 sweep scenarios/kazakhstan.yaml -d sobol -n 256 -p ministries.grants=0:2e7 -p foreign.budget=1e6:1e8:log -p repression.level=0:0.8',
        "Sobol' indices: which of three levers drives the outcomes",
      )
      .example(
        '$0 sweep s.yaml -p legitimacy@2030-01=0.2:0.8 -d lhs -n 40 --id big',
        'A lever held from 2030 on',
      )
      .example('$0 sweep s.yaml -p legitimacy=0.2:0.8 --resume --id big', 'Continue an interrupted sweep')
      .example(
        '$0 sweep s.yaml -p legitimacy=0.2:0.8 --queue redis://10.0.0.5:6379 --id big',
        'Runs made by civsim worker --queue redis://10.0.0.5:6379 on other machines',
      )
      .example(
        '$0 sweep scenarios/classics/threshold-normal.yaml',
        "The design kept in the scenario's sweep: block",
      )
      .wrap(Math.min(120, y.terminalWidth()))
      .epilogue(
        [
          'Writes <out>/_sweep/<id>/: points.csv, runs.csv (point, replicate, parameters, metric, year, value),',
          'summary.csv, sensitivity.csv (morris, sobol), charts/, report.md, report.html, runs.jsonl, plan.json.',
          'A swept lever holds its value for the whole run: the timeline’s changes to it are dropped (the report',
          'counts them); with PATH@DATE the timeline applies until that date.',
          'Exit codes: 0 done, 1 failed, 2 bad scenario, parameters or arguments, 130 interrupted.',
        ].join('\n'),
      );
}

export function sweepCommand(setExit: (code: number) => void): CommandModule<object, SweepArgs> {
  return {
    command: 'sweep <scenario>',
    describe: 'Run a scenario over a design of parameter values; sensitivity indices and response charts',
    builder: builder(setExit) as unknown as CommandModule<object, SweepArgs>['builder'],
    handler: async (args) => {
      if (sweepArgsProblem(args)) return;
      const { sweep } = await import('./sweepAction.ts');
      setExit(await sweep(args));
    },
  };
}
