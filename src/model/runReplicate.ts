/** One replicate of the civil-society model (see model.ts for how it is assembled). */
export { runReplicate, type ReplicateOptions } from './model.ts';
