#!/usr/bin/env node
// Runs the whole vitest suite and closes with the plain line CI reads: "N passed, N failed".
// vitest's own summary is not recognised by CI, so the count comes from its JSON report.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const report = '.vitest-report.json';
rmSync(report, { force: true });
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const child = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, NO_COLOR: process.env.NO_COLOR ?? '1' } });
let passed = 0;
let failed = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.numRuntimeErrorTestSuites ?? 0);
  if (json.numFailedTestSuites && !json.numFailedTests) failed += json.numFailedTestSuites;
} catch {
  failed = Math.max(failed, 1);
}
if (child.status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || child.status !== 0 ? 1 : 0);
