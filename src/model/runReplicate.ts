/** One replicate of the civil-society model (see model.ts for how it is assembled). */
export { runReplicate, startReplicate, type ReplicateOptions, type ReplicateRun } from './model.ts';
