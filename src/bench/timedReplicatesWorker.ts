/**
 * The Web Worker script both browser benches use: it loads civsim (`load`: an ES-module import, or
 * importScripts for the explorer's classic bundle), then runs n warm replicates of the scenario it is
 * sent and posts back each one's seconds.
 */
export function timedReplicatesWorker(load: string): string {
  return `
${load}
self.onmessage = async (event) => {
  const { path, text, runs } = event.data;
  const { scenario } = await civsim.loadScenario(path, civsim.memoryScenarioIO({ [path]: text }));
  const model = civsim.modelById(scenario.model);
  const seconds = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    civsim.runReplicate(model, scenario, r);
    seconds.push((performance.now() - t0) / 1000);
  }
  self.postMessage(seconds);
};
`;
}
