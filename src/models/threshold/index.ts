/**
 * Granovetter's threshold model of collective behaviour (1978), well mixed or on a small-world network
 * (Watts 2002): each agent acts once the share of others acting reaches its own threshold, so the same
 * average disposition can give a riot or nothing, depending on the spread of thresholds. See ODD.md.
 */
import type { ModelDefinition } from '../definition.ts';
import { decide } from './decide.ts';
import { measure, metricDefinitions } from './measure.ts';
import { actions, sections, type Scenario } from './schema.ts';
import { createThresholdState, type ThresholdState } from './state.ts';

/** Measured on the bench machine: seconds per agent-step (well mixed), and per neighbour read. */
const secondsPerAgentStep = 4e-9;
const secondsPerNeighbour = 1.5e-9;

export const threshold: ModelDefinition<Scenario, ThresholdState> = {
  id: 'threshold',
  title: 'Threshold model of collective behaviour',
  summary:
    'Granovetter\u2019s (1978) crowd: each agent acts once the share of others acting reaches its own ' +
    'threshold, so small differences in the spread of thresholds decide between a riot and nothing. ' +
    'Well mixed, or on a small-world network (Watts 2002).',
  clock: 'step',
  get sections() {
    return sections();
  },
  actions,
  metrics: metricDefinitions,
  groups: { crowd: 'The crowd' },
  charts: [
    {
      id: 'participation',
      title: 'Who acts, step by step',
      metrics: ['participation', 'instigators'],
      kind: 'line',
      annual: false,
      events: true,
    },
    {
      id: 'flows',
      title: 'Joining and leaving',
      metrics: ['joined', 'left'],
      kind: 'line',
      annual: false,
      events: true,
    },
  ],
  scale(scenario, factor) {
    const out = structuredClone(scenario);
    out.population.agents = Math.max(2, Math.round(out.population.agents * factor));
    return out;
  },
  cost(scenario) {
    const { agents, network } = scenario.population;
    const reads = network.kind === 'small-world' ? network.degree : 0;
    const degreeBytes = network.kind === 'small-world' ? 4 * network.degree + 8 : 0;
    return {
      replicateSeconds:
        0.05 + agents * (scenario.steps + 1) * (secondsPerAgentStep + reads * secondsPerNeighbour),
      replicateBytes: agents * (8 + 8 + 2 + degreeBytes),
      size: `${agents.toLocaleString('en-US')} agents × ${scenario.steps} steps`,
    };
  },
  createState: (scenario, _replicate, streams, levers) => createThresholdState(scenario, streams, levers),
  phases: [{ name: 'decide', run: decide }],
  measure,
  odd: 'src/models/threshold/ODD.md',
};
