/**
 * Every model civsim knows, by the id a scenario names with `model:`. Adding a model is its folder under
 * src/models/ and one line here.
 */
import { closestMatches, didYouMean } from '../scenario/didYouMean.ts';
import { civilSociety } from './civil-society/index.ts';
import type { AnyModel } from './definition.ts';
import { threshold } from './threshold/index.ts';

export const models: Readonly<Record<string, AnyModel>> = {
  [civilSociety.id]: civilSociety,
  [threshold.id]: threshold,
};

export const modelIds: readonly string[] = Object.keys(models);

/** The model with this id, or undefined. */
export function findModel(id: string): AnyModel | undefined {
  return Object.prototype.hasOwnProperty.call(models, id) ? models[id] : undefined;
}

/** The model with this id; throws a plain message naming the models there are. */
export function modelById(id: string): AnyModel {
  const model = findModel(id);
  if (!model) {
    const hint = didYouMean(closestMatches(id, modelIds));
    throw new Error(
      `unknown model ${JSON.stringify(id)}${hint ? ` (${hint})` : ''}: civsim has ${modelIds.join(', ')}`,
    );
  }
  return model;
}
