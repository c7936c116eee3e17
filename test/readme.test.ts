/** README.md keeps its promises: its scenario example validates, and its lever table names every lever. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenarioFile } from '../src/scenario/load.ts';
import { civilSociety } from '../src/models/civil-society/index.ts';
import { leversOf } from '../src/scenario/modelSchemas.ts';

const leverPaths = leversOf(civilSociety).paths;
import { memoryScenarioIO } from '../src/scenario/memoryIO.ts';

const root = new URL('../', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README.md', () => {
  it('its scenario example (a variant of kazakhstan.yaml) validates', async () => {
    const example = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((m) => m[1])
      .find((y) => y.includes('extends:'));
    expect(example).toBeDefined();
    const io = memoryScenarioIO({
      'scenarios/example.yaml': example!,
      'scenarios/kazakhstan.yaml': readFileSync(join(root, 'scenarios/kazakhstan.yaml'), 'utf8'),
    });
    const { issues, loaded } = await checkScenarioFile('scenarios/example.yaml', io);
    expect(issues).toEqual([]);
    expect(loaded?.scenario.end).toBe('2050-12');
  });

  it('its lever table names every lever path of the schema', () => {
    const section = readme.slice(
      readme.indexOf('| lever | default |'),
      readme.indexOf('Metrics (about forty'),
    );
    const missing = leverPaths.filter((path) => !section.includes('`' + path + '`'));
    expect(missing).toEqual([]);
  });
});
