/**
 * A model as plain data: what the page's first chart needs of it (first.ts), embedded in the catalog so
 * the chart is drawn before the engine and the models have loaded. Types only from the library, so this
 * module stays light.
 */
import type { AnyModel, MetricDefinition } from '../models/definition.ts';
import type { ChartSpec } from '../scenario/envelope.ts';

/** What the page's first chart needs of a model: its clock, charts and metric names. */
export interface ModelSketch {
  id: string;
  title: string;
  clock: 'month' | 'step';
  charts: readonly ChartSpec[];
  metrics: readonly Pick<MetricDefinition, 'id' | 'label' | 'unit' | 'aggregate' | 'description'>[];
}

/** A model's sketch (everything in it is JSON). */
export function sketchOf(model: AnyModel): ModelSketch {
  return {
    id: model.id,
    title: model.title,
    clock: model.clock,
    charts: model.charts,
    metrics: model.metrics.map(({ id, label, unit, aggregate, description }) => ({
      id,
      label,
      unit,
      aggregate,
      description,
    })),
  };
}

/** A sketch as the chart builders take a model (only the parts they read are there). */
export function sketchModel(sketch: ModelSketch, unitWords: Readonly<Record<string, string>> = {}): AnyModel {
  return { ...sketch, unitWords: () => unitWords } as unknown as AnyModel;
}
