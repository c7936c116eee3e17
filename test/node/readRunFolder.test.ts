import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRunFolder } from '../../src/node/readRunFolder.ts';

const root = mkdtempSync(join(tmpdir(), 'civsim-read-run-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function folder(name: string, csv: string, incomplete = false, model = 'civil-society'): string {
  const path = join(root, name);
  rmSync(path, { recursive: true, force: true });
  mkdirSync(path);
  writeFileSync(
    join(path, 'manifest.json'),
    JSON.stringify({
      runId: name,
      resolvedScenario: { name: 'x', model, seed: 1, replicates: 2 },
      replicateSeeds: [
        { replicate: 0, seedKey: 'k0' },
        { replicate: 1, seedKey: 'k1' },
      ],
    }),
  );
  writeFileSync(join(path, model === 'civil-society' ? 'annual.csv' : 'series.csv'), csv);
  if (incomplete) writeFileSync(join(path, 'INCOMPLETE'), 'stopped');
  return path;
}

describe('readRunFolder', () => {
  it('reads annual.csv with CRLF line ends, empty cells as missing and Inf as infinite', async () => {
    const csv = 'replicate,year,metric,value\r\n0,2020,m,1\r\n0,2021,m,\r\n1,2020,m,Inf\r\n1,2021,m,-Inf\r\n';
    const { run } = await readRunFolder(folder('crlf', csv));
    expect(run.replicates.map((r) => r.seedKey)).toEqual(['k0', 'k1']);
    expect(run.replicates[0].series.years).toEqual([2020, 2021]);
    expect([...run.replicates[0].series.annual.m]).toEqual([1, NaN]);
    expect([...run.replicates[1].series.annual.m]).toEqual([Infinity, -Infinity]);
  });

  it('reads a step model’s value at every step from series.csv', async () => {
    const csv = 'replicate,step,metric,value\n0,0,m,1\n0,1,m,2\n1,0,m,3\n1,1,m,\n';
    const { run } = await readRunFolder(folder('steps', csv, false, 'threshold'));
    const series = run.replicates[1].series;
    expect(series.ticks).toEqual(['0', '1']);
    expect(series.years).toEqual([]);
    expect(series.annual).toEqual({});
    expect([...series.values.m]).toEqual([3, NaN]);
    await expect(
      readRunFolder(folder('wrong', 'replicate,year,metric,value\n', false, 'threshold')),
    ).rejects.toThrow(/series.csv does not start with replicate,step,metric,value/);
  });

  it('refuses an unfinished run and a folder without a manifest', async () => {
    await expect(readRunFolder(folder('stopped', 'replicate,year,metric,value\n', true))).rejects.toThrow(
      /unfinished run/,
    );
    await expect(readRunFolder(root)).rejects.toThrow(/not a finished civsim run folder/);
  });
});
