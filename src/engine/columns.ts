/**
 * Structures of typed arrays: one typed array per attribute, one slot per agent. `createColumns` for a
 * fixed population, `GrowableColumns` for one that grows (NGOs are founded): capacity doubles, so adding
 * an agent is amortised O(1) and no object is allocated per agent.
 */
export type ColumnConstructor =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Int32ArrayConstructor
  | Int16ArrayConstructor
  | Uint32ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor;

export type ColumnSpec = Record<string, ColumnConstructor>;
export type Columns<S extends ColumnSpec> = { [K in keyof S]: InstanceType<S[K]> };

export function createColumns<S extends ColumnSpec>(spec: S, size: number): Columns<S> {
  // built in one go: an object grown key by key past a few dozen keys falls into V8's slow dictionary
  // mode, and every column lookup in a hot loop would become a hash lookup
  return Object.fromEntries(Object.entries(spec).map(([name, Ctor]) => [name, new Ctor(size)])) as Columns<S>;
}

export class GrowableColumns<S extends ColumnSpec> {
  cols: Columns<S>;
  length = 0;
  private capacity: number;

  constructor(
    private readonly spec: S,
    initialCapacity = 64,
  ) {
    this.capacity = Math.max(1, initialCapacity);
    this.cols = createColumns(spec, this.capacity);
  }

  /** Adds a zeroed slot and returns its index. Columns may be reallocated: re-read `cols` after adding. */
  add(): number {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    return this.length++;
  }

  private grow(capacity: number): void {
    const next = createColumns(this.spec, capacity);
    for (const name of Object.keys(this.spec) as (keyof S)[]) {
      (next[name] as unknown as { set(a: ArrayLike<number>): void }).set(
        this.cols[name] as unknown as ArrayLike<number>,
      );
    }
    this.cols = next;
    this.capacity = capacity;
  }
}
