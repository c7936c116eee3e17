/// <reference lib="dom" />
/**
 * How the page embeds its charts with vega-embed (the same for the first chart, first.ts, and the rest,
 * app.ts), and what first.ts hands over to app.ts.
 */
import { say } from './strings.ts';
import type { Lang } from './urlState.ts';

/** What the page hands over to app.js: the chart, its spec (as JSON) and its Vega view. */
export interface FirstChart {
  chartId: string;
  spec: string;
  holder: HTMLElement;
  view: { finalize(): void };
}

/** The options the page embeds its charts with (app.ts uses the same). */
export function embedOptions(chartId: string): Record<string, unknown> {
  return {
    renderer: 'svg',
    ast: true,
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: chartId,
    // an empty chart (before the first tick) makes Vega warn of empty extents: only errors are said
    logLevel: 1,
  };
}

/** vega-embed's menu (save as SVG or PNG) is a <summary> with only an icon: it gets a name. */
export function nameChartMenu(holder: HTMLElement, lang: Lang): void {
  holder.querySelector('details > summary')?.setAttribute('aria-label', say(lang, 'chartActions'));
}
