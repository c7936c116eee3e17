/**
 * A live run on the page, without the page: lanes (what the Web Workers run) step replicates with the
 * library's startReplicate and post their values; the page's PolicyRun collects them. The series must be
 * exactly `civsim run`'s for the same scenario, seed and stream family; the summaries those of the run
 * report; the CSV the run folder's series.csv; the live chart specs compile; the downloaded scenario is a
 * valid file that reproduces the numbers.
 */
import { compile } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/explore/changes.ts';
import { openScenario, runScenarioOf, defaultScale } from '../../src/explore/catalog.ts';
import { inputsByPath, settingInputs } from '../../src/explore/inputs.ts';
import { Lane, type FromLane, type ProgressMessage } from '../../src/explore/lane.ts';
import {
  dataName,
  emptySummary,
  liveChartSpec,
  liveContext,
  liveRows,
} from '../../src/explore/liveCharts.ts';
import { buildChartSpec } from '../../src/output/charts.ts';
import { pairedDifference, PolicyRun, seriesCsv } from '../../src/explore/runData.ts';
import { policyBScenario, scenarioFileText } from '../../src/explore/scenarioFile.ts';
import {
  checkScenarioFile,
  csvText,
  memoryScenarioIO,
  modelById,
  runReplicate,
  scenarioHash,
  seriesCsvLines,
  summariseRun,
  type ScenarioBase,
} from '../../src/index.ts';
import { shippedCatalog } from './catalogFixture.ts';

async function shipped(id: string): Promise<ScenarioBase> {
  const opened = await openScenario(await shippedCatalog(), { entry: id });
  if (!('loaded' in opened)) throw new Error(opened.problems.join('\n'));
  return opened.loaded.scenario;
}

/** Runs policies on `lanes` lanes to the end, as the page does; the runs and the grids posted. */
async function runLive(policies: ScenarioBase[], lanes: number, family: string) {
  const runs = policies.map((s) => new PolicyRun(modelById(s.model), s, s.replicates));
  const grids: ProgressMessage['grid'][] = [];
  const errors: string[] = [];
  const onMessage = (message: FromLane) => {
    if (message.type === 'error') errors.push(message.message);
    else {
      runs[message.policy].add(message.replicate, message.from, message.values);
      if (message.grid) grids.push(message.grid);
    }
  };
  const workers = Array.from({ length: lanes }, () => new Lane((m) => onMessage(structuredClone(m))));
  policies.forEach((scenario, policy) => {
    workers.forEach((lane, i) => {
      const replicates = Array.from({ length: scenario.replicates }, (_, r) => r).filter(
        (r) => r % lanes === i,
      );
      lane.handle({ type: 'start', run: 1, policy, scenario, replicates, family });
    });
  });
  // first a few ticks, then the rest: a second `go` continues where the first stopped
  for (const lane of workers) lane.handle({ type: 'go', run: 1, until: 3 });
  await new Promise((r) => setTimeout(r, 50));
  expect(runs.every((run) => run.shown <= 3)).toBe(true);
  for (const lane of workers) lane.handle({ type: 'go', run: 1, until: runs[0].ticks });
  const until = Date.now() + 60_000;
  while (!runs.every((r) => r.finished) && errors.length === 0 && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 10));
  }
  expect(errors).toEqual([]);
  return { runs, grids };
}

describe('a live run', () => {
  it('gives the numbers of civsim run, and its summaries and series.csv', async () => {
    const base = await shipped('classics/threshold-normal');
    const scenario = runScenarioOf(base, { seed: 11, replicates: 3, scale: 1 });
    const { runs } = await runLive([scenario], 2, scenario.name);
    const model = modelById('threshold');
    const node = [0, 1, 2].map((r) => runReplicate(model, scenario, r));
    const live = runs[0].results();
    for (let r = 0; r < 3; r++) expect(live[r].series.values).toEqual(node[r].series.values);
    const metrics = model.metrics.map((m) => m.id);
    expect(runs[0].tickSummary(metrics)).toEqual(summariseRun(node, metrics, 'tick'));
    expect(csvText(seriesCsv([{ name: 'A', run: runs[0] }]))).toBe(
      csvText(seriesCsvLines(node, metrics, 'step')),
    );
  });

  it('runs two policies with common random numbers, and their difference is the policy’s', async () => {
    const model = modelById('civil-society');
    const base = runScenarioOf(await shipped('kazakhstan'), { seed: 5, replicates: 2, scale: 0.02 });
    const inputs = inputsByPath(settingInputs(model, base));
    const b = applyChanges(model, base, inputs, { 'levers.foreign.regime': 'prohibition' });
    expect(b.problems).toEqual([]);
    const policyB = policyBScenario(b.scenario, 'policy B');
    const { runs } = await runLive([base, policyB], 2, base.name);
    // policy B's replicate r is civsim's run of B's file with A's stream family (civsim compare's pairing)
    const node = runReplicate(model, policyB, 1, { family: base.name });
    expect(runs[1].results()[1].series.values).toEqual(node.series.values);
    const annual = runs[0].annualSummary(['funding_foreign'])!;
    expect(annual.keys.length).toBe(35);
    const last = runs[0].ticks - 1;
    const difference = pairedDifference(runs[0], runs[1], 'funding_foreign', last);
    expect(difference.n).toBe(2);
    // the CSV of two policies has a policy column
    const csv = csvText(
      seriesCsv([
        { name: 'A', run: runs[0] },
        { name: 'B, restrictive', run: runs[1] },
      ]),
    );
    expect(csv.split('\n')[0]).toBe('policy,replicate,date,metric,value');
    expect(csv).toContain('\n"B, restrictive",1,2025-12,');
  }, 120_000);

  it('posts the grid of a spatial model as it stands', async () => {
    const scenario = runScenarioOf(await shipped('classics/schelling-mesa-small'), {
      seed: 1,
      replicates: 1,
      scale: 1,
    });
    const { grids } = await runLive([scenario], 1, scenario.name);
    const last = grids[grids.length - 1]!;
    expect(last.tick).toBe(scenario.steps);
    expect(last.cells.length).toBe(last.width * last.height);
    const model = modelById('schelling');
    expect(new Set(last.cells)).toEqual(new Set(model.snapshot!.categories.map((c) => c.code)));
  });

  it('stops when the model fails, and says why', async () => {
    const scenario = runScenarioOf(await shipped('classics/threshold-riot'), {
      seed: 1,
      replicates: 1,
      scale: 1,
    });
    const messages: FromLane[] = [];
    const lane = new Lane((m) => messages.push(m));
    lane.handle({
      type: 'start',
      run: 2,
      policy: 0,
      scenario: { ...scenario, model: 'no-such-model' },
      replicates: [0],
      family: 'x',
    });
    expect(messages).toEqual([{ type: 'error', run: 2, message: expect.stringMatching(/unknown model/) }]);
  });
});

describe('live charts', () => {
  it('compile without warnings for every chart of every model, alone and side by side, in both languages', async () => {
    const catalog = await shippedCatalog();
    const seen = new Set<string>();
    for (const entry of catalog.entries) {
      if (seen.has(entry.model)) continue;
      seen.add(entry.model);
      const scenario = await shipped(entry.id);
      const model = modelById(scenario.model);
      // every spec is built before any is compiled, as the page does: building one must not change another
      const specs: { id: string; policies: number; spec: unknown }[] = [];
      for (const chart of model.charts) {
        for (const lang of ['en', 'ru'] as const) {
          for (const policies of [1, 2]) {
            const spec = liveChartSpec(
              model,
              chart,
              Array.from({ length: policies }, (_, i) => ({ name: `P${i}`, scenario, replicates: 3 })),
              lang,
              policies === 2 ? 'row' : 'column',
            );
            specs.push({ id: `${model.id}/${chart.id}/${lang}/${policies}`, policies, spec });
          }
        }
      }
      for (const { id, policies, spec } of specs) {
        const warnings: string[] = [];
        const logger = {
          level: () => logger,
          warn: (...m: unknown[]) => (warnings.push(m.join(' ')), logger),
          info: () => logger,
          debug: () => logger,
          error: (...m: unknown[]) => (warnings.push(m.join(' ')), logger),
        };
        const compiled = compile(spec as never, { logger: logger as never }).spec;
        expect(warnings, id).toEqual([]);
        const names = (compiled.data ?? []).map((d) => d.name);
        for (let i = 0; i < policies; i++) expect(names).toContain(dataName(i));
      }
    }
    expect(seen.size).toBe(4);
  });

  it('leave the run report’s chart builder as it was', async () => {
    const scenario = await shipped('kazakhstan');
    const model = modelById('civil-society');
    const context = liveContext(
      model,
      scenario,
      3,
      'en',
      emptySummary(
        'tick',
        ['1991-01'],
        model.metrics.map((m) => m.id),
      ),
    );
    const before = JSON.stringify(buildChartSpec(model.charts[0], context));
    for (const chart of model.charts)
      liveChartSpec(model, chart, [{ name: 'A', scenario, replicates: 3 }], 'en');
    expect(JSON.stringify(buildChartSpec(model.charts[0], context))).toBe(before);
  });

  it('are in Russian when the page is, and keep the whole run on the x axis', async () => {
    const scenario = await shipped('kazakhstan');
    const model = modelById('civil-society');
    const chart = model.charts.find((c) => c.id === 'citizens')!;
    const text = JSON.stringify(liveChartSpec(model, chart, [{ name: 'A', scenario, replicates: 4 }], 'ru'));
    expect(text).toContain('Граждане: участие, доверие и легитимность');
    expect(text).toContain('Волонтёрство');
    expect(text).toContain('"title":"Показатель"');
    expect(text).toContain('полосы: 95%-й доверительный интервал');
    expect(text).toContain(
      '"domain":[{"year":1991,"month":1,"date":1,"utc":true},{"year":2025,"month":12,"date":1,"utc":true}]',
    );
    // rows of a partial run: the ticks shown so far
    const run = new PolicyRun(model, scenario, 1);
    run.add(0, 0, { volunteering_rate: [0.1, 0.2] });
    const rows = liveRows(model, chart, scenario, 1, 'ru', run.tickSummary(chart.metrics));
    expect(rows.filter((r) => r.metric === 'Волонтёрство').map((r) => r.mean)).toEqual([0.1, 0.2]);
  });
});

describe('the scenario file of what is on screen', () => {
  it('is a valid scenario that is the one the page runs', async () => {
    const model = modelById('civil-society');
    const base = runScenarioOf(await shipped('kazakhstan'), { seed: 9, replicates: 3, scale: 0.05 });
    const inputs = inputsByPath(settingInputs(model, base));
    const applied = applyChanges(model, base, inputs, { 'levers.repression.level': 0.4 });
    const text = scenarioFileText(applied.scenario, {
      base: 'scenarios/kazakhstan.yaml',
      changes: { 'levers.repression.level': 0.4 },
      dropped: applied.dropped,
      scale: 0.05,
      version: '0.1.0',
    });
    expect(text).toMatch(
      /^# Made in the civsim explorer \(civsim 0\.1\.0\) from scenarios\/kazakhstan\.yaml,/,
    );
    expect(text).toMatch(
      /levers\.repression\.level = 0\.4 \(held for the whole run: \d+ timeline changes dropped\)/,
    );
    const check = await checkScenarioFile('x.yaml', memoryScenarioIO({ 'x.yaml': text }));
    expect(check.issues).toEqual([]);
    expect(check.loaded!.hash).toBe(scenarioHash(applied.scenario));
  });

  it('keeps a hostile upload name out of the YAML body and on one comment line', () => {
    const text = scenarioFileText(
      { name: 'x', seed: 1, replicates: 1, model: 'threshold', steps: 3, timeline: [], output: {} } as never,
      { base: 'evil\nname: injected\n<script>', changes: {}, dropped: {}, scale: 1, version: 'v' },
    );
    expect(text.split('\n')[0]).toBe(
      '# Made in the civsim explorer (civsim v) from evil name: injected <script>,',
    );
    expect(text).not.toMatch(/^name: injected/m);
  });
});

describe('a first run', () => {
  it('is scaled so the model’s estimate fits a few seconds', async () => {
    const model = modelById('civil-society');
    const scenario = await shipped('kazakhstan');
    const scale = defaultScale(model, scenario, 10, 2);
    expect(scale).toBeLessThanOrEqual(1);
    const scaled = model.scale!(structuredClone(scenario), scale);
    expect(model.cost(scaled).replicateSeconds * 5).toBeLessThanOrEqual(3);
  });
});
