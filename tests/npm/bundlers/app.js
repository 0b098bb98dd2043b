// What a user's app does with the package: import it by name, let the bundler pick the browser
// entry and emit the wasm as an asset, then read results by their camelCase names.
import { FlinkClient } from 'flink-console-client';

const flink = new FlinkClient(`${location.origin}/api`);
const result = document.getElementById('result');
try {
  const overview = await flink.requestClusterOverview();
  const { jobs } = await flink.requestMultipleJobDetails();
  result.textContent = JSON.stringify({
    flinkVersion: overview.flinkVersion,
    slotsTotal: overview.slotsTotal,
    jobsRunning: overview.jobsRunning,
    jobs: jobs.map((job) => ({ name: job.name, state: job.state, startTime: job.startTime, lastModification: job.lastModification, tasksTotal: job.tasks.total })),
  });
} catch (e) {
  result.textContent = `failed: ${e.message}`;
}
