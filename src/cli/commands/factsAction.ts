/** What `civsim facts` does (commands/facts.ts holds the options and help). */
import { modelById } from '../../models/registry.ts';
import { bandWords, checkFacts, type FactOutcome } from '../../run/facts.ts';
import { applyOverrides } from '../../run/runScenario.ts';
import { inBand } from '../../models/definition.ts';
import { loadForCommand } from './runAction.ts';
import type { FactsArgs } from './facts.ts';

const fmt = (x: number) =>
  Number.isFinite(x)
    ? Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-3)
      ? x.toExponential(2)
      : x.toFixed(3)
    : String(x);

/** A wrong option value: said plainly, exit code 2. */
function usage(message: string): number {
  process.stderr.write(`civsim: ${message}\nRun civsim facts --help for usage.\n`);
  return 2;
}

/** Runs the command; returns the exit code. */
export async function facts(args: FactsArgs): Promise<number> {
  if (!Number.isInteger(args.replicates) || args.replicates < 1 || args.replicates > 50)
    return usage(`--replicates must be a whole number from 1 to 50, got ${args.replicates}`);
  if (!Number.isInteger(args.citizens) || args.citizens < 1000 || args.citizens > 1_000_000)
    return usage(`--citizens must be a whole number from 1,000 to 1,000,000, got ${args.citizens}`);
  const loaded = await loadForCommand(args.scenario, args);
  if (!loaded) return 2;
  const model = modelById(loaded.scenario.model);
  if (!model.facts?.length) {
    process.stderr.write(`civsim: the ${model.id} model defines no stylized facts\n`);
    return 2;
  }
  const known = model.facts.map((f) => f.id);
  const unknown = (args.only ?? []).filter((id) => !known.includes(String(id)));
  if (unknown.length)
    return usage(`--only: no fact ${unknown.join(', ')}; the facts are ${known.join(', ')}`);
  const citizens = (loaded.scenario as { population?: { citizens?: number } }).population?.citizens;
  const scenario = citizens
    ? applyOverrides(loaded.scenario, { scale: args.citizens / citizens })
    : loaded.scenario;
  const started = Date.now();
  const outcomes = checkFacts(model, scenario, {
    replicates: args.replicates,
    knockouts: args.knockouts,
    only: args.only?.map(String),
    onFact: (k, n, title) => {
      if (!args.quiet) process.stderr.write(`fact ${k + 1}/${n}: ${title}…\n`);
    },
  });
  if (args.json)
    process.stdout.write(`${JSON.stringify({ scenario: loaded.scenario.name, facts: outcomes }, null, 2)}\n`);
  else printTable(outcomes, args.knockouts);
  if (!args.quiet)
    process.stderr.write(`${outcomes.length} facts in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  const failed = outcomes.filter((o) => !o.pass || o.knockouts?.some((k) => !k.breaks));
  return args.check && failed.length > 0 ? 1 : 0;
}

function printTable(outcomes: FactOutcome[], knockouts: boolean): void {
  const out: string[] = [];
  for (const o of outcomes) {
    out.push(`${o.pass ? 'PASS' : 'FAIL'}  fact ${o.id}: ${o.title} (${o.source})`);
    for (const r of o.rows)
      out.push(`      ${inBand(r) ? 'ok ' : 'out'}  ${r.statistic}: ${fmt(r.value)}  [${bandWords(r.band)}]`);
    if (knockouts) {
      for (const k of o.knockouts ?? []) {
        out.push(
          `      knockout (${k.label}): ${k.breaks ? 'the fact fails, as it must' : 'THE FACT STILL HOLDS'}`,
        );
        for (const r of k.rows)
          out.push(`        ${inBand(r) ? 'ok ' : 'out'}  ${r.statistic}: ${fmt(r.value)}`);
      }
    }
  }
  const passed = outcomes.filter((o) => o.pass).length;
  out.push(`${passed} of ${outcomes.length} facts hold`);
  process.stdout.write(`${out.join('\n')}\n`);
}
