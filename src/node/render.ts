/**
 * Headless rendering of Vega-Lite specs: SVG through Vega's scenegraph (no browser, no canvas), PNG
 * through resvg. resvg draws text only with fonts it can find, so the system fonts are loaded and DejaVu
 * Sans (Debian's fonts-dejavu-core) is the fallback; without any font every label would silently vanish.
 */
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
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

function resvgOptions(options: PngOptions): ResvgRenderOptions {
  return {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  };
}

function rendered(svg: string, options: PngOptions) {
  return new Resvg(svg, resvgOptions(options)).render();
}

/** Rasterises an SVG document to PNG on a white background. */
export function renderPng(svg: string, options: PngOptions = {}): Buffer {
  return rendered(svg, options).asPng();
}

/**
 * renderPng off the main thread (resvg draws on libuv's thread pool): several charts are drawn at once,
 * and the main thread goes on meanwhile. Same pixels as renderPng.
 */
export async function renderPngAsync(svg: string, options: PngOptions = {}): Promise<Buffer> {
  return (await renderAsync(svg, resvgOptions(options))).asPng();
}

/** The raw pixels renderPng would encode (to check a picture, e.g. that its text is drawn). */
export function rasterise(svg: string, options: PngOptions = {}): Raster {
  const image = rendered(svg, options);
  return { width: image.width, height: image.height, pixels: new Uint8Array(image.pixels) };
}
