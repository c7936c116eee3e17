/**
 * Schelling's segregation model (Schelling 1971), as Mesa 3.3's example runs it and as the
 * ABMFrameworksComparison benchmark runs it: households of two types on a grid move when too few of
 * their neighbours are of their type, and mild preferences sort the town. See ODD.md.
 */
import type { ModelDefinition } from '../definition.ts';
import { measure, metricDefinitions } from './measure.ts';
import { judge, step } from './rules.ts';
import { actions, sections, type Scenario } from './schema.ts';
import { snapshot } from './snapshot.ts';
import { createSchellingState, type SchellingState } from './state.ts';

/**
 * Measured on the bench machine (npm run bench -- --classics, 2026-12-01): seconds per household-step
 * (the shuffle, the judgement) and per neighbour cell of a household-step (the tallies a move updates or
 * the grid counts afresh; 0.02–0.06 µs a household-step at radius 2, whether few move or all).
 */
const secondsPerAgentStep = 2e-8;
const secondsPerNeighbour = 1e-9;

export const schelling: ModelDefinition<Scenario, SchellingState> = {
  id: 'schelling',
  title: 'Schelling segregation',
  summary:
    'Schelling\u2019s (1971) town: households of two types move when too few neighbours share their type, ' +
    'and mild preferences sort the town into near-uniform blocks. As Mesa 3.3\u2019s example runs it, or as ' +
    'the ABMFrameworksComparison benchmark does.',
  clock: 'step',
  get sections() {
    return sections();
  },
  actions,
  metrics: metricDefinitions,
  groups: { town: 'The town' },
  headline: ['segregation', 'happy'],
  charts: [
    {
      id: 'sorting',
      title: 'Sorting and contentment',
      metrics: ['segregation', 'happy'],
      kind: 'line',
      annual: false,
      events: true,
    },
    {
      id: 'moves',
      title: 'Households moving',
      metrics: ['moved'],
      kind: 'line',
      annual: false,
      events: true,
    },
  ],
  scale(scenario, factor) {
    const out = structuredClone(scenario);
    const side = Math.sqrt(factor);
    out.grid.width = Math.max(2, Math.round(out.grid.width * side));
    out.grid.height = Math.max(2, Math.round(out.grid.height * side));
    return out;
  },
  cost(scenario) {
    const cells = scenario.grid.width * scenario.grid.height;
    const households = cells * scenario.population.density;
    const r = scenario.rule.radius;
    const reads = (2 * r + 1) ** 2 - 1;
    return {
      replicateSeconds:
        0.01 + households * (scenario.steps + 1) * (secondsPerAgentStep + reads * secondsPerNeighbour),
      // per cell: occupancy, the empty-cell index, marks, tallies, scratch; the neighbourhood lists
      replicateBytes: cells * 28 + households * 10 + cells * reads * 4,
      size: `${Math.round(households).toLocaleString('en-US')} households on ${scenario.grid.width} × ${scenario.grid.height} cells × ${scenario.steps} steps`,
    };
  },
  createState(scenario, _replicate, streams, levers) {
    const state = createSchellingState(scenario, streams, levers);
    judge(state);
    return state;
  },
  phases: [{ name: 'move', run: step }],
  measure,
  snapshot,
  odd: 'src/models/schelling/ODD.md',
};
