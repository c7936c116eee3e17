/**
 * Named random streams. Every stream is a seedrandom `alea` generator whose seed is derived from
 * (stream family, master seed, replicate, stream name), so the same inputs always give the same numbers
 * and a stream's draws never depend on how many numbers another stream used. No global random state.
 */
import seedrandom from 'seedrandom';

export interface StreamKey {
  /** The stream family: the scenario name for a plain run; a shared key gives common random numbers. */
  family: string;
  seed: number;
  replicate: number;
  /** What the stream is for: 'network', 'citizens', 'founding', ... */
  name: string;
}

/** A source of uniform numbers in [0, 1) plus the few distributions the models need. */
export interface RandomStream {
  /** Uniform in [0, 1): the raw generator, cheap enough for hot loops. */
  readonly uniform: () => number;
  /** Integer uniform in [0, n). */
  int(n: number): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Poisson with mean `lambda` (inversion for small means, normal approximation above 60). */
  poisson(lambda: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function streamSeed(key: StreamKey): string {
  return `civsim|${key.family}|${key.seed}|${key.replicate}|${key.name}`;
}

export function createStream(key: StreamKey): RandomStream {
  return streamFromUniform(seedrandom.alea(streamSeed(key)));
}

/** Wraps any uniform generator (a stub in tests, alea in runs) with the distributions. */
export function streamFromUniform(uniform: () => number): RandomStream {
  let spare = Number.NaN;
  return {
    uniform,
    int: (n) => Math.floor(uniform() * n),
    normal() {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = Number.NaN;
        return s;
      }
      let u = uniform();
      while (u <= 1e-300) u = uniform();
      const r = Math.sqrt(-2 * Math.log(u));
      const a = 2 * Math.PI * uniform();
      spare = r * Math.sin(a);
      return r * Math.cos(a);
    },
    poisson(lambda) {
      if (!(lambda > 0)) return 0;
      if (lambda > 60) {
        const r = uniform();
        let u = r <= 1e-300 ? 1e-300 : r;
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
        u = Math.round(lambda + Math.sqrt(lambda) * z);
        return u < 0 ? 0 : u;
      }
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = uniform();
      while (p > limit) {
        k++;
        p *= uniform();
      }
      return k;
    },
    chance: (p) => uniform() < p,
  };
}

/** All streams of one replicate, created on first use and cached by name. */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();
  constructor(
    readonly family: string,
    readonly seed: number,
    readonly replicate: number,
  ) {}

  get(name: string): RandomStream {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = createStream({ family: this.family, seed: this.seed, replicate: this.replicate, name });
      this.streams.set(name, stream);
    }
    return stream;
  }

  /** A fresh stream with the same seed as `get(name)` (replays its numbers from the start). */
  fresh(name: string): RandomStream {
    return createStream({ family: this.family, seed: this.seed, replicate: this.replicate, name });
  }
}
