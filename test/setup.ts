/**
 * Property tests (fast-check): in CI every run replays the same cases, so a red CI is reproducible and
 * never a fluke of the day's seed; elsewhere each run explores new cases (a failure prints its seed).
 * CIVSIM_PROPERTY_SEED=<n> replays a given seed anywhere.
 */
import fc from 'fast-check';

const seed = process.env.CIVSIM_PROPERTY_SEED ?? (process.env.CI ? '20261128' : undefined);
if (seed !== undefined) fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: Number(seed) });
