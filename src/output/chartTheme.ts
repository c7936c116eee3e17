/**
 * The look of civsim's charts: a quiet theme that lets the data lines carry the picture, and the
 * Okabe–Ito palette, which stays distinguishable under the common colour-vision deficiencies. Its
 * yellow is replaced by grey because thin yellow lines vanish on white.
 */
import type { Config } from 'vega-lite';

export const chartWidth = 760;
export const chartHeight = 320;

/** Okabe & Ito (2008), reordered so the first colours are the most distinct on white. */
export const palette = [
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#000000', // black
  '#999999', // grey (in place of yellow)
] as const;

/**
 * Fonts browsers find on every system first; DejaVu Sans is what the headless PNG renderer has
 * (resvg draws no text at all without a matching system font).
 */
export const chartFont = 'Helvetica Neue, Helvetica, Arial, DejaVu Sans, sans-serif';

export const eventColor = '#6b6b6b';
/** Font size of the event labels; the label layout estimates text width from it. */
export const eventLabelFontSize = 9;

export const chartConfig: Config = {
  background: 'white',
  font: chartFont,
  padding: 12,
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 16,
    fontWeight: 600,
    color: '#1a1a1a',
    subtitleFontSize: 11,
    subtitleColor: '#5c5c5c',
    subtitlePadding: 4,
    offset: 14,
  },
  axis: {
    labelFontSize: 11,
    labelColor: '#4d4d4d',
    titleFontSize: 11,
    titleFontWeight: 'normal',
    titleColor: '#4d4d4d',
    titlePadding: 10,
    gridColor: '#ececec',
    domainColor: '#9e9e9e',
    tickColor: '#9e9e9e',
  },
  axisX: { grid: false, labelOverlap: 'greedy', labelPadding: 6 },
  axisY: { domain: false, ticks: false, labelPadding: 6, tickCount: 6 },
  legend: {
    orient: 'bottom',
    direction: 'horizontal',
    labelFontSize: 11,
    labelColor: '#333333',
    labelLimit: 280,
    columnPadding: 18,
    rowPadding: 6,
    symbolSize: 160,
    symbolStrokeWidth: 3,
    symbolOpacity: 1,
    titleFontSize: 11,
    padding: 4,
  },
  line: { strokeWidth: 2, strokeCap: 'round', strokeJoin: 'round' },
  range: { category: [...palette] },
};
