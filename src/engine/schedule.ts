/**
 * A schedule of dated changes to a tree of parameters: `set` assigns values on a tick, `ramp` moves
 * numbers linearly from their value on the start tick to a target on the end tick, and `action` names a
 * one-off that the model handles. Domain-free: the engine knows paths and numbers, not what they mean.
 */
import { getPath, setPath, type Tree } from './paths.ts';

export interface ScheduledChange {
  tick: number;
  /** Last tick of a ramp (inclusive). */
  endTick?: number;
  set?: Record<string, unknown>;
  ramp?: Record<string, number>;
  action?: string;
  strength?: number;
  label?: string;
}

export interface FiredAction {
  action: string;
  strength: number;
  label?: string;
}

interface ActiveRamp {
  path: string;
  from: number;
  to: number;
  start: number;
  end: number;
}

export class Schedule {
  private readonly changes: ScheduledChange[];
  private next = 0;
  private ramps: ActiveRamp[] = [];

  constructor(changes: readonly ScheduledChange[]) {
    // stable sort by tick: events on the same tick apply in the order they were written
    this.changes = changes
      .map((c, i) => ({ c, i }))
      .sort((a, b) => a.c.tick - b.c.tick || a.i - b.i)
      .map((x) => x.c);
  }

  /**
   * Brings the parameters to where the changes dated before `tick` leave them, as if every earlier tick
   * had run (ramps included), and drops the actions dated before it: for a run that starts in the middle
   * of a scenario's history.
   */
  fastForward(tick: number, params: Tree): void {
    const first = this.changes[0]?.tick;
    if (first === undefined || first >= tick) return;
    for (let t = first; t < tick; t++) this.apply(t, params);
  }

  /** Applies everything due on `tick` (call once per tick, in order) and returns the actions fired. */
  apply(tick: number, params: Tree): FiredAction[] {
    const fired: FiredAction[] = [];
    while (this.next < this.changes.length && this.changes[this.next].tick <= tick) {
      const change = this.changes[this.next++];
      for (const [path, value] of Object.entries(change.set ?? {})) {
        this.ramps = this.ramps.filter((r) => r.path !== path);
        setPath(params, path, value);
      }
      for (const [path, to] of Object.entries(change.ramp ?? {})) {
        this.ramps = this.ramps.filter((r) => r.path !== path);
        const from = Number(getPath(params, path));
        const end = Math.max(change.endTick ?? change.tick, change.tick);
        if (end <= change.tick) setPath(params, path, to);
        else this.ramps.push({ path, from, to, start: change.tick, end });
      }
      if (change.action)
        fired.push({ action: change.action, strength: change.strength ?? 1, label: change.label });
    }
    if (this.ramps.length > 0) {
      for (const r of this.ramps) {
        // on and after the end tick the target itself: from + (to − from)·1 can miss it by rounding
        const f = (tick - r.start) / (r.end - r.start);
        setPath(params, r.path, f >= 1 ? r.to : r.from + (r.to - r.from) * f);
      }
      this.ramps = this.ramps.filter((r) => tick < r.end);
    }
    return fired;
  }
}
