// The worker threads' entry when civsim runs from its TypeScript sources: registers tsx in the thread
// (module hooks are per thread) and hands over the replicate runner. A compiled build loads
// replicateWorker.js directly.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./replicateWorker.ts');
export default worker.default;
export const sweepRun = worker.sweepRun;
