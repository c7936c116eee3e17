/**
 * A model refuses to go on because its state left the range it can represent or that makes sense (a
 * population of organisations that would fill memory, a count beyond any real country). The message is
 * written for the person who wrote the scenario: what happened and which inputs probably caused it.
 */
export class RunLimitError extends Error {
  constructor(
    message: string,
    /** The tick at which the limit was reached. */
    readonly tick: number,
  ) {
    super(message);
    this.name = 'RunLimitError';
  }
}
