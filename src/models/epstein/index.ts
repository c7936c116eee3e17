/**
 * Epstein's (2002) model of civil violence, as Mesa 3.3's example runs it and as NetLogo's Rebellion
 * does: citizens with private grievances rebel when the risk of arrest they see is low enough, cops jail
 * the rebels they see; legitimacy is a lever, so a sudden and a gradual loss of it can be compared. The
 * decision rule is the one the civil-society model's protest runs. See ODD.md.
 */
import type { ModelDefinition } from '../definition.ts';
import { stylizedFacts, withOverrides } from './facts.ts';
import { measure, metricDefinitions } from './measure.ts';
import { snapshot } from './snapshot.ts';
import { step } from './rules.ts';
import { actions, sections, type Scenario } from './schema.ts';
import { createEpsteinState, type EpsteinState } from './state.ts';

/** Measured on the bench machine: seconds per agent-step and per vision cell read. */
const secondsPerAgentStep = 3e-8;
const secondsPerCellRead = 1.5e-9;

/** Cells in a vision of radius r: a von Neumann diamond (mesa) or a Euclidean disc with its centre (netlogo). */
function sightCells(kind: Scenario['rule']['kind'], r: number): number {
  if (kind === 'mesa') return 2 * r * (r + 1);
  let cells = 0;
  for (let dx = -r; dx <= r; dx++) cells += 2 * Math.floor(Math.sqrt(r * r - dx * dx)) + 1;
  return cells;
}

export const epstein: ModelDefinition<Scenario, EpsteinState> = {
  id: 'epstein',
  title: 'Epstein civil violence',
  summary:
    'Epstein\u2019s (2002) model of civil violence: citizens with private grievances against a regime of ' +
    'some legitimacy rebel when the risk of arrest they see is low enough, and cops jail the rebels they ' +
    'see. As Mesa 3.3\u2019s example runs it, or as NetLogo\u2019s Rebellion does, whose punctuated ' +
    'outbursts follow a sudden loss of legitimacy more than a gradual one.',
  clock: 'step',
  get sections() {
    return sections();
  },
  actions,
  metrics: metricDefinitions,
  groups: { street: 'The street' },
  headline: ['active', 'jailed'],
  charts: [
    {
      id: 'street',
      title: 'Rebels, the quiet and the jailed',
      metrics: ['active', 'jailed', 'quiet'],
      kind: 'line',
      annual: false,
      events: true,
    },
    {
      id: 'outbursts',
      title: 'Outbursts and legitimacy',
      metrics: ['active'],
      kind: 'line',
      annual: false,
      events: true,
    },
  ],
  check(data, report) {
    const population = data.population as { citizenDensity?: unknown; copDensity?: unknown } | undefined;
    const citizens = typeof population?.citizenDensity === 'number' ? population.citizenDensity : 0.7;
    const cops = typeof population?.copDensity === 'number' ? population.copDensity : 0.074;
    if (citizens + cops > 1) {
      report(['population', 'copDensity'], {
        message: 'citizens and cops need more cells than the grid has',
        expected: `citizenDensity + copDensity ≤ 1`,
        got: `${citizens} + ${cops} = ${citizens + cops}`,
        hint: 'lower one of the densities',
      });
    }
  },
  scale(scenario, factor) {
    const out = structuredClone(scenario);
    const side = Math.sqrt(factor);
    out.grid.width = Math.max(3, Math.round(out.grid.width * side));
    out.grid.height = Math.max(3, Math.round(out.grid.height * side));
    return out;
  },
  cost(scenario) {
    const cells = scenario.grid.width * scenario.grid.height;
    const agents = cells * (scenario.population.citizenDensity + scenario.population.copDensity);
    const reads = sightCells(scenario.rule.kind, Math.max(scenario.rule.vision, scenario.rule.copVision));
    const looks = scenario.rule.kind === 'mesa' ? 1 : 2;
    return {
      replicateSeconds:
        0.01 + agents * scenario.steps * (secondsPerAgentStep + looks * reads * secondsPerCellRead),
      replicateBytes: cells * 12 + agents * 30 + 2 * cells * reads * 4,
      size: `${Math.round(agents).toLocaleString('en-US')} citizens and cops on ${scenario.grid.width} × ${scenario.grid.height} cells × ${scenario.steps} steps`,
    };
  },
  createState(scenario, _replicate, streams, levers) {
    return createEpsteinState(scenario, streams, levers);
  },
  phases: [{ name: 'act', run: step }],
  measure,
  snapshot,
  odd: 'src/models/epstein/ODD.md',
  // a getter: facts.ts runs this very definition, so it imports this module (either may load first)
  get facts() {
    return stylizedFacts;
  },
  withOverrides: (scenario, overrides) => withOverrides(scenario, overrides),
};
