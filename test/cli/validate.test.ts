/** `civsim validate` through the real binary (node src/cli/civsim.js), as a user or CI runs it. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const civsim = join(root, 'src/cli/civsim.js');
const good = 'test/fixtures/scenarios/base.yaml';
const variant = 'test/fixtures/scenarios/variant.yaml';
const bad = 'test/fixtures/scenarios/bad-values.yaml';

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function civsimValidate(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [civsim, 'validate', ...args], { cwd: root }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('civsim validate', () => {
  it('exits 2, prints each issue as file:line:col on stderr and ok for the good file on stdout', async () => {
    const { code, stdout, stderr } = await civsimValidate(good, bad);
    expect(code).toBe(2);
    expect(stdout).toBe(`ok ${good}: base (2000-01 – 2010, 3 timeline events, 3 replicates)\n`);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.filter((line) => !line.startsWith('  hint: '))).toEqual([
      `${bad}:4:13 replicates: expected a whole number between 1 and 10,000, got 2.5`,
      `${bad}:7:13 levers.foreign.budget: expected a number between 0 and 1e15, got -5`,
      `${bad}:8:13 levers.foreign.regime: expected one of none, disclosure, approval, prohibition, got "aproval"`,
      `${bad}:9:15 levers.legitimacy: expected a share between 0 and 1, got 1.5`,
      `${bad}:11:21 levers.tax.grantExemption: expected true or false, got "yes"`,
      `${bad}:14:13 population.network.degree: expected an even whole number between 2 and 64, got 7`,
      `${bad}:16:12 output.metrics: expected a list of at least 1 item, got []`,
    ]);
    expect(lines).toContain('  hint: did you mean "approval"?');
  });

  it('exits 0 when every file is good, extends chains included', async () => {
    const { code, stdout, stderr } = await civsimValidate(good, variant);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toContain(
      `ok ${variant}: variant (2000-01 – 2010, 4 timeline events, 3 replicates)`,
    );
  });

  it('prints a JSON report with --json', async () => {
    const { code, stdout } = await civsimValidate('--json', good, bad);
    expect(code).toBe(2);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      files: {
        file: string;
        ok: boolean;
        scenario?: { name: string; hash: string };
        issues: { line: number; column: number; path: string }[];
      }[];
    };
    expect(report.ok).toBe(false);
    expect(report.files.map((file) => [file.file, file.ok])).toEqual([
      [good, true],
      [bad, false],
    ]);
    expect(report.files[0].scenario!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.files[1].issues[1]).toMatchObject({
      line: 7,
      column: 13,
      path: 'levers.foreign.budget',
      got: '-5',
    });
  });

  it('reports a missing file without stopping at it', async () => {
    const { code, stdout, stderr } = await civsimValidate('test/fixtures/scenarios/nope.yaml', good);
    expect(code).toBe(2);
    expect(stderr).toBe('test/fixtures/scenarios/nope.yaml cannot read the file: no such file\n');
    expect(stdout).toMatch(/^ok /);
  });

  it('shows examples in --help', async () => {
    const { code, stdout } = await civsimValidate('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('Examples:');
    expect(stdout).toContain('civsim validate scenarios/*.yaml');
    expect(stdout).toContain('--json');
  });

  it('needs at least one file', async () => {
    const { code, stderr } = await civsimValidate();
    expect(code).toBe(2);
    expect(stderr).toMatch(/Not enough non-option arguments/);
  });
});
