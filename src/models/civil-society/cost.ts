/**
 * What one replicate of the civil-society model costs, from the citizens, their network degree, the
 * months and the NGOs: the model's part of civsim's run estimate (src/run/cost.ts). The coefficients are
 * measured by `npm run bench` on this project's 2-core machine (bench of 2026-11-30, 2 × AMD EPYC,
 * Node 20), which prints the estimate beside each measurement.
 */
import { Calendar } from '../../engine/calendar.ts';
import type { ModelCost } from '../definition.ts';
import { maxSimulatedNgos } from './ngos.ts';
import type { Scenario } from './schema.ts';

export const costCoefficients = {
  /** Seconds per citizen-month at network degree 0; each unit of degree adds `perDegree` of it. */
  citizenMonth: 33e-9,
  citizenMonthPerDegree: 0.025,
  /** Seconds to build one citizen and her share of the network (plus per unit of degree). */
  citizenBuild: 0.45e-6,
  citizenBuildPerDegree: 0.03e-6,
  /** Seconds per NGO-month (the NGO phases) and per replicate (start-up, JIT). */
  ngoMonth: 0.4e-6,
  replicateStart: 0.3,
  /** Bytes per citizen (typed-array columns) and per unit of network degree (adjacency). */
  citizenBytes: 50,
  citizenBytesPerDegree: 4.2,
  /** Bytes per simulated NGO (columns, scratch, alias table, growth headroom). */
  ngoBytes: 600,
} as const;

export function replicateCost(scenario: Scenario): ModelCost {
  const c = costCoefficients;
  const { citizens, ngoSampling, network } = scenario.population;
  const degree = network.degree;
  const months = new Calendar(scenario.start, scenario.end).ticks;
  // the NGOs at the most: the start grown threefold (the model caps them at maxSimulatedNgos)
  const ngos = Math.min(maxSimulatedNgos, Math.max(64, 3 * scenario.initial.ngos * ngoSampling));
  return {
    replicateSeconds:
      c.replicateStart +
      citizens * (c.citizenBuild + c.citizenBuildPerDegree * degree) +
      months * citizens * c.citizenMonth * (1 + c.citizenMonthPerDegree * degree) +
      months * ngos * c.ngoMonth,
    replicateBytes: citizens * (c.citizenBytes + c.citizenBytesPerDegree * degree) + ngos * c.ngoBytes,
    size: `${citizens.toLocaleString('en-US')} citizens × ${months} months`,
  };
}
