/** `civsim facts` through the real binary (node src/cli/civsim.js), as a user or CI runs it. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const civsim = join(root, 'src/cli/civsim.js');
const good = 'test/fixtures/scenarios/base.yaml';
const bad = 'test/fixtures/scenarios/bad-values.yaml';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function civsimFacts(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [civsim, 'facts', ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('civsim facts', () => {
  it('prints the table of the facts asked for, with their knockouts, as JSON', async () => {
    const { code, stdout } = await civsimFacts(
      good,
      '--only',
      '4',
      '--citizens',
      '2000',
      '-r',
      '1',
      '--knockouts',
      '--json',
      '-q',
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      scenario: string;
      facts: {
        id: string;
        rows: { statistic: string; value: number; band: [unknown, unknown] }[];
        pass: boolean;
        knockouts: { breaks: boolean }[];
      }[];
    };
    expect(report.scenario).toBe('base');
    expect(report.facts.map((f) => f.id)).toEqual(['4']);
    const [fact] = report.facts;
    expect(fact.rows.length).toBe(2);
    for (const r of fact.rows) expect(Number.isFinite(r.value)).toBe(true);
    expect(fact.knockouts).toHaveLength(1);
    // the knockout of fact 4 (dormant NGOs leave the register at once) leaves registered = active
    expect(fact.knockouts[0].breaks).toBe(true);
  }, 120_000);

  it('prints a readable table with a verdict per fact and progress on stderr', async () => {
    const { code, stdout, stderr } = await civsimFacts(good, '--only', '4', '--citizens', '2000', '-r', '1');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^(PASS|FAIL) {2}fact 4: Registered ≫ active under lax audit/m);
    expect(stdout).toMatch(/registered \/ active without audits: [\d.]+ {2}\[≥ 1\.3\]/);
    expect(stdout).toMatch(/\d+ of 1 facts hold\n$/);
    expect(stderr).toContain('fact 1/1: Registered ≫ active under lax audit');
  }, 120_000);

  it('refuses bad options and bad scenarios with exit 2 and no stack trace', async () => {
    const unknown = await civsimFacts(good, '--only', '13');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--only: no fact 13; the facts are 1, 2, 3');
    const tiny = await civsimFacts(good, '--citizens', '10');
    expect(tiny.code).toBe(2);
    expect(tiny.stderr).toContain('--citizens must be a whole number from 1,000 to 1,000,000');
    const broken = await civsimFacts(bad);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not a valid scenario');
    for (const o of [unknown, tiny, broken]) expect(o.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
