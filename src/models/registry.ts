/**
 * Every model civsim knows, by the id a scenario names with `model:`. Adding a model is its folder under
 * src/models/ and one line here.
 */
import { closestMatches, didYouMean } from '../scenario/didYouMean.ts';
import { civilSociety } from './civil-society/index.ts';
import type { AnyModel } from './definition.ts';
import { epstein } from './epstein/index.ts';
import { schelling } from './schelling/index.ts';
import { threshold } from './threshold/index.ts';

const builtIn: Readonly<Record<string, AnyModel>> = {
  [civilSociety.id]: civilSociety,
  [threshold.id]: threshold,
  [schelling.id]: schelling,
  [epstein.id]: epstein,
};

const registry: Record<string, AnyModel> = { ...builtIn };

/** Every model known here: civsim's own and those registered by the program (registerModel). */
export const models: Readonly<Record<string, AnyModel>> = registry;

/** The ids of the models known here. */
export const modelIds: string[] = Object.keys(registry);

/**
 * Makes a model written outside civsim known to this program (this thread): scenario files can then
 * name it with `model:` and runScenario runs it. Worker threads know only civsim's own models, so runs
 * of a registered model stay in this thread (runToFolder does that by itself).
 */
export function registerModel(model: AnyModel): void {
  if (Object.prototype.hasOwnProperty.call(builtIn, model.id)) {
    throw new Error(`${model.id} is one of civsim's own models: give yours another id`);
  }
  if (!/^[a-z][a-z0-9-]*$/.test(model.id)) {
    throw new Error(`a model id is lower-case letters, digits and dashes, got ${JSON.stringify(model.id)}`);
  }
  registry[model.id] = model;
  if (!modelIds.includes(model.id)) modelIds.push(model.id);
}

/** Whether a model is one of civsim's own (and so known to worker threads too). */
export function isBuiltInModel(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(builtIn, id);
}

/** The model with this id, or undefined. */
export function findModel(id: string): AnyModel | undefined {
  return Object.prototype.hasOwnProperty.call(registry, id) ? registry[id] : undefined;
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
