/**
 * Headless rendering of Vega-Lite specs: SVG through Vega's scenegraph (no browser, no canvas), PNG
 * through resvg. resvg draws text only with fonts it can find, so the system fonts are loaded and DejaVu
 * Sans (Debian's fonts-dejavu-core) is the fallback; without any font every label would silently vanish.
 */
import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';

/** Renders a Vega-Lite spec to an SVG document (data must be inline: nothing is fetched). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vegaSpec = compile(spec).spec;
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface PngOptions {
  /** Pixel density: 2 gives sharp text on high-density screens and in slides. */
  scale?: number;
}

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

function rendered(svg: string, options: PngOptions) {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render();
}

/** Rasterises an SVG document to PNG on a white background. */
export function renderPng(svg: string, options: PngOptions = {}): Buffer {
  return rendered(svg, options).asPng();
}

/** The raw pixels renderPng would encode (to check a picture, e.g. that its text is drawn). */
export function rasterise(svg: string, options: PngOptions = {}): Raster {
  const image = rendered(svg, options);
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}
