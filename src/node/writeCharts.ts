/**
 * Writes charts into a results folder's `charts/`: each spec as .vl.json, its static rendering as .svg
 * and .png (PNGs rasterised in the background while the next chart renders). Returns what a report page
 * needs to show them. Shared by sweep and calibration reports.
 */
import { join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { PageChart } from '../output/chartPage.ts';
import { staticChartSpec } from '../output/interactiveCharts.ts';
import { writeFileAtomic } from './atomicWrite.ts';
import { makeFolders } from './runFolder.ts';

export async function writeChartFiles(
  folder: string,
  charts: readonly { id: string; title: string; spec: TopLevelSpec }[],
  signal?: AbortSignal,
): Promise<PageChart[]> {
  const drawn: PageChart[] = [];
  if (charts.length === 0) return drawn;
  const write = (path: string, content: string | Uint8Array) =>
    writeFileAtomic(join(folder, path), content, signal);
  const { renderPngAsync, renderSvg } = await import('./render.ts');
  await makeFolders(join(folder, 'charts'));
  const pngs: Promise<void>[] = [];
  try {
    for (const chart of charts) {
      signal?.throwIfAborted();
      await write(`charts/${chart.id}.vl.json`, `${JSON.stringify(chart.spec, null, 2)}\n`);
      const svg = await renderSvg(staticChartSpec(chart.spec));
      drawn.push({ id: chart.id, title: chart.title, svg, spec: chart.spec });
      await write(`charts/${chart.id}.svg`, svg);
      pngs.push(
        renderPngAsync(svg).then(async (png) => {
          await write(`charts/${chart.id}.png`, png);
        }),
      );
    }
  } finally {
    await Promise.allSettled(pngs);
  }
  await Promise.all(pngs);
  return drawn;
}
