/**
 * `npm run schema`: regenerates scenarios/civsim.schema.json from the zod schema. A test fails when the
 * committed file is stale, so run this after every change to src/scenario/schema.ts.
 */
import { scenarioJsonSchemaText } from './jsonSchema.ts';
import { writeTextFile } from './nodeIO.ts';

const target = new URL('../../scenarios/civsim.schema.json', import.meta.url);
await writeTextFile(target, scenarioJsonSchemaText());
process.stdout.write(`wrote ${target.pathname}\n`);
