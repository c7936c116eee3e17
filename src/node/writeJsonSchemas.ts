/**
 * `npm run schema`: regenerates the JSON Schemas of scenario files from the zod schemas —
 * scenarios/civsim.schema.json (every model, chosen by `model:`) and scenarios/schemas/<model>.schema.json.
 * A test fails when a committed file is stale, so run this after changing a model's schema.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { models } from '../models/registry.ts';
import { jsonText, modelJsonSchemaFile, scenarioJsonSchema } from '../scenario/jsonSchema.ts';

const scenarios = new URL('../../scenarios/', import.meta.url);
const all = Object.values(models);
await writeFile(new URL('civsim.schema.json', scenarios), jsonText(scenarioJsonSchema(all)));
await mkdir(new URL('schemas/', scenarios), { recursive: true });
for (const model of all) {
  await writeFile(
    new URL(`schemas/${model.id}.schema.json`, scenarios),
    jsonText(modelJsonSchemaFile(model)),
  );
}
process.stdout.write(
  `wrote scenarios/civsim.schema.json and ${all.length} model schema(s) in scenarios/schemas/\n`,
);
