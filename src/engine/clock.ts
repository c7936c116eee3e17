/**
 * A model's time axis: what a tick is called and, for calendar models, which year it falls in (annual
 * aggregates need that). Two kinds: calendar months (Calendar, calendar.ts) for models of countries and
 * policies, and plain steps (StepClock) for abstract models such as Schelling or Epstein, where tick 0 is
 * the state before the first step (as Mesa collects it) and tick t is the state after step t.
 */
export interface Clock {
  readonly kind: 'month' | 'step';
  /** Ticks recorded. */
  readonly ticks: number;
  /** What tick t is called in tables and charts: `1991-01` or `12`. */
  label(tick: number): string;
  labels(): string[];
  /** Calendar years the ticks cover (0 for step clocks: no annual aggregates). */
  readonly years: number;
  yearList(): number[];
  /** Index of the year of a tick among yearList(); only for calendar clocks. */
  yearIndexOf(tick: number): number;
  /** Whether tick 0 is a measurement of the initial state, before any phase runs. */
  readonly measuresInitialState: boolean;
}

export class StepClock implements Clock {
  readonly kind = 'step';
  readonly ticks: number;
  readonly years = 0;
  readonly measuresInitialState = true;

  constructor(readonly steps: number) {
    this.ticks = steps + 1;
  }

  label(tick: number): string {
    return String(tick);
  }
  labels(): string[] {
    return Array.from({ length: this.ticks }, (_, t) => String(t));
  }
  yearList(): number[] {
    return [];
  }
  yearIndexOf(): number {
    throw new Error('a step clock has no years');
  }
}
