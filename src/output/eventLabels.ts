/**
 * Where to put the short text labels of timeline events on a chart so that they never overlap. Vega-Lite
 * cannot avoid collisions between text marks, so labels are laid out before the spec is built, in a few
 * lanes (rows above the plot): each label takes the first lane where it fits after the labels to its
 * left. Labels near the right edge are right-aligned to their rule so they stay inside the chart.
 *
 * A real timeline can have dozens of events within a few years. When not every label fits, all labels
 * get the event's number (the same as in the report's timeline table) and crowded events show just the
 * number, or, when not even that fits, no label: their rule and tooltip remain.
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

export interface EventLabelInput {
  /** Pixel position of the event's rule. */
  x: number;
  label: string;
  /** The event's number in the timeline (1-based). */
  number: number;
}

export interface LabelPlacement {
  /** 0 = the row nearest the plot; null = no label (rule and tooltip only). */
  lane: number | null;
  align: 'left' | 'right';
  text: string;
}

/** Cuts a label to at most `maxChars` characters, marking the cut with '…'. */
export function shortLabel(label: string, maxChars: number): string {
  const chars = [...label.trim()];
  return chars.length <= maxChars ? chars.join('') : `${chars.slice(0, maxChars - 1).join('')}…`;
}

type Interval = { start: number; end: number };

/** Occupied stretches of each lane; a label fits where it keeps `gap` pixels from every other. */
class Lanes {
  private readonly taken: Interval[][];
  constructor(
    lanes: number,
    private readonly gap: number,
  ) {
    this.taken = Array.from({ length: lanes }, () => []);
  }
  fits(lane: number, span: Interval): boolean {
    return this.taken[lane].every((t) => span.end + this.gap <= t.start || t.end + this.gap <= span.start);
  }
  firstFree(span: Interval, prefer?: number): number | null {
    if (prefer !== undefined && this.fits(prefer, span)) return prefer;
    const lane = this.taken.findIndex((_, i) => this.fits(i, span));
    return lane < 0 ? null : lane;
  }
  take(lane: number, span: Interval): void {
    this.taken[lane].push(span);
  }
  release(lane: number, span: Interval): void {
    this.taken[lane] = this.taken[lane].filter((t) => t !== span);
  }
}

function spanOf(x: number, text: string, options: Required<LabelLayoutOptions>) {
  const textWidth = [...text].length * options.charWidth;
  const align: 'left' | 'right' = x + options.gap + textWidth > options.width ? 'right' : 'left';
  const span =
    align === 'left'
      ? { start: x, end: x + options.gap + textWidth }
      : { start: x - options.gap - textWidth, end: x };
  return { align, span };
}

/** Lays out the labels of `events` (any order; results follow the input order). */
export function placeEventLabels(
  events: readonly EventLabelInput[],
  options: LabelLayoutOptions,
): LabelPlacement[] {
  const o: Required<LabelLayoutOptions> = { lanes: 3, maxChars: 24, charWidth: 5.4, gap: 3, ...options };
  const order = events.map((e, i) => ({ e, i })).sort((a, b) => a.e.x - b.e.x || a.i - b.i);
  const out = new Array<LabelPlacement>(events.length);

  // 1. names only, first free lane: enough for a sparse timeline
  const plain = new Lanes(o.lanes, o.gap);
  let allFit = true;
  for (const { e, i } of order) {
    const text = shortLabel(e.label, o.maxChars);
    const { align, span } = spanOf(e.x, text, o);
    const lane = plain.firstFree(span);
    if (lane === null) {
      allFit = false;
      break;
    }
    plain.take(lane, span);
    out[i] = { lane, align, text };
  }
  if (allFit) return out;

  // 2. crowded: first give as many events as possible their number, then widen the numbers to
  // "number name" from left to right wherever that still collides with nothing
  const lanes = new Lanes(o.lanes, o.gap);
  const spans = new Array<Interval | undefined>(events.length);
  for (const { e, i } of order) {
    const text = String(e.number);
    const { align, span } = spanOf(e.x, text, o);
    const lane = lanes.firstFree(span);
    out[i] = lane === null ? { lane: null, align: 'left', text: '' } : { lane, align, text };
    if (lane !== null) {
      lanes.take(lane, span);
      spans[i] = span;
    }
  }
  for (const { e, i } of order) {
    const current = out[i];
    const numberSpan = spans[i];
    if (current.lane === null || !numberSpan) continue;
    lanes.release(current.lane, numberSpan);
    const text = `${e.number} ${shortLabel(e.label, o.maxChars)}`;
    const { align, span } = spanOf(e.x, text, o);
    const lane = lanes.firstFree(span, current.lane);
    if (lane === null) {
      lanes.take(current.lane, numberSpan);
    } else {
      lanes.take(lane, span);
      out[i] = { lane, align, text };
    }
  }
  return out;
}
