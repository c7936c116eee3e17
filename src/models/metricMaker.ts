/**
 * Declaring a model's metrics, one line each: a maker for one report group whose metrics are averaged
 * over replicates (levels and counts, not flows) and neutral unless told otherwise.
 */
import type { Direction, MetricDefinition } from './definition.ts';

export function metricMaker<Id extends string>(group: string) {
  return (
    id: Id,
    label: string,
    unit: string,
    description: string,
    range: readonly [number, number],
    direction: Direction = 'neutral',
  ): MetricDefinition & { id: Id } => ({
    id,
    label,
    unit,
    aggregate: 'mean',
    description,
    range,
    direction,
    group,
  });
}
