/**
 * Building blocks for scenario schemas: the numbers, texts and dates every model's levers and parameters
 * are made of, each with a bound whose reason is written into its description (the last sentence), so no
 * value that validates can overflow the arithmetic or exhaust the machine.
 */
import { z } from 'zod';
import { isRealDate } from '../engine/calendar.ts';

/** Largest amount of money (currency/year): above any state's whole budget in any currency unit. */
export const maxMoney = 1e15;
export const moneyReason =
  'At most 1e15: more than any state\u2019s whole budget in any currency (Kazakhstan 2024: ~2.5e13 KZT).';
/** Largest logit coefficient: beyond ±20 a logistic term is 0 or 1 to nine digits anyway. */
export const maxCoefficient = 20;
export const coefficientReason =
  'Between −20 and 20: beyond that the term alone decides 0 or 1 to nine digits.';

export const share = (description: string) => z.number().min(0).max(1).describe(description);
export const money = (description: string) =>
  z.number().min(0).max(maxMoney).describe(`${description} ${moneyReason}`);
/** A non-negative number up to `max`, with the reason for that bound. */
export const upTo = (max: number, description: string, reason: string) =>
  z.number().min(0).max(max).describe(`${description} ${reason}`);
/** A positive number up to `max`, with the reason for that bound. */
export const positiveUpTo = (max: number, description: string, reason: string) =>
  z.number().gt(0).max(max).describe(`${description} ${reason}`);
export const coefficient = (description: string) =>
  z.number().min(-maxCoefficient).max(maxCoefficient).describe(`${description} ${coefficientReason}`);
/** A rate per year of something that happens at most monthly to everyone: 12 a year at most. */
export const yearlyRate = (description: string) =>
  upTo(12, description, 'At most 12 a year: the model steps monthly.');
/** A whole number in [min, max], with the reason for the bounds. */
export const wholeNumber = (min: number, max: number, description: string, reason: string) =>
  z.number().int().min(min).max(max).describe(`${description} ${reason}`);
/** Text shown in reports, with a length that keeps reports and manifests small. */
export const text = (max: number, description: string) => z.string().max(max).describe(description);

/** A calendar date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a plain year number is accepted too). */
export const dateSchema = z
  .union([
    z
      .string()
      .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
        message: 'a date written YYYY, YYYY-MM or YYYY-MM-DD',
      })
      .refine(isRealDate, { message: 'a date written YYYY, YYYY-MM or YYYY-MM-DD' }),
    z.number().int().min(1000).max(9999),
  ])
  .describe('A date: YYYY, YYYY-MM or YYYY-MM-DD. Events fire in the monthly tick that contains the date.');

/** The most steps a step-clock model may run (the recorder keeps a value per step and metric). */
export const maxSteps = 1_000_000;

/** A step of a step-clock model (0 is the initial state, 1 the first step). */
export const stepSchema = z
  .number()
  .int()
  .min(0)
  .max(maxSteps)
  .describe(`A step: 0 is the state before the first step. At most ${maxSteps.toLocaleString('en-US')}.`);

/**
 * A schema (or a set of them) built the first time it is asked for, then kept. Building zod schemas
 * costs milliseconds each, most of it the first time zod's code runs: built when their module loads,
 * every model's schemas cost each command about 60 ms, though a command needs one model's.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
