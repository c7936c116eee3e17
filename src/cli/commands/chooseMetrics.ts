/**
 * The metrics a command works on: those named with --metrics (each checked to be one the model records
 * for this scenario, with a did-you-mean), else the model's headline metrics.
 */
import { modelById } from '../../models/registry.ts';
import { defaultCompareMetrics } from '../../node/compareToFolder.ts';
import { outputMetricIds } from '../../output/tables.ts';
import { closestMatches } from '../../scenario/didYouMean.ts';
import type { ScenarioBase } from '../../scenario/envelope.ts';

/** The metric ids, or the problem with --metrics in words. */
export function chooseMetrics(
  option: string | undefined,
  scenario: ScenarioBase,
): string[] | { problem: string } {
  if (option === undefined) return defaultCompareMetrics(scenario);
  const model = modelById(scenario.model);
  const known = outputMetricIds(scenario, model.metrics);
  const metrics = option
    .split(',')
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
  if (metrics.length === 0) return { problem: '--metrics names no metric' };
  for (const m of metrics) {
    if (!known.includes(m)) {
      const near = closestMatches(m, known);
      return {
        problem:
          `--metrics: ${JSON.stringify(m)} is not a metric of the ${model.id} model` +
          (near.length > 0
            ? `; did you mean ${near.join(' or ')}?`
            : '; civsim run writes the list in series.csv'),
      };
    }
  }
  return metrics;
}
