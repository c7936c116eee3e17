/**
 * Where to put the short text labels of timeline events on a chart so that they do not overlap too
 * badly. Vega-Lite cannot avoid collisions between text marks, so labels are spread over a few lanes
 * (rows at the top of the plot) before the spec is built: each label takes the first lane where it fits
 * after the labels to its left; when none is free it takes the lane that frees up first. Labels near the
 * right edge are right-aligned to their rule so they stay inside the plot.
 */

export interface LabelLayoutOptions {
  /** Plot width in pixels. */
  width: number;
  lanes?: number;
  /** Longer labels are cut and end with '…' (the full label stays in the tooltip and the HTML table). */
  maxChars?: number;
  /** Estimated width of one character at the label font size, in pixels. */
  charWidth?: number;
  /** Gap between a rule and its label, and between labels, in pixels. */
  gap?: number;
}

export interface LabelPlacement {
  /** 0 = top row. */
  lane: number;
  align: 'left' | 'right';
  text: string;
}

/** Cuts a label to at most `maxChars` characters, marking the cut with '…'. */
export function shortLabel(label: string, maxChars: number): string {
  const chars = [...label.trim()];
  return chars.length <= maxChars ? chars.join('') : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/**
 * Lays out labels at pixel positions `xs` (any order; results follow the input order).
 */
export function placeEventLabels(
  xs: readonly number[],
  labels: readonly string[],
  options: LabelLayoutOptions,
): LabelPlacement[] {
  const { width, lanes = 3, maxChars = 24, charWidth = 5.4, gap = 3 } = options;
  const laneEnds = new Array<number>(lanes).fill(Number.NEGATIVE_INFINITY);
  const out = new Array<LabelPlacement>(xs.length);
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x || a.i - b.i);
  for (const { x, i } of order) {
    const text = shortLabel(labels[i], maxChars);
    const textWidth = [...text].length * charWidth;
    const align = x + gap + textWidth > width ? 'right' : 'left';
    const start = align === 'left' ? x : x - gap - textWidth;
    const end = align === 'left' ? x + gap + textWidth : x;
    let lane = laneEnds.findIndex((laneEnd) => laneEnd + gap <= start);
    if (lane < 0) lane = laneEnds.indexOf(Math.min(...laneEnds));
    laneEnds[lane] = Math.max(laneEnds[lane], end);
    out[i] = { lane, align, text };
  }
  return out;
}
