// Must NOT compile (the npm layer asserts that tsc rejects it): fields that do not exist, and
// a possibly-null field used as if always present.
import { FlinkClient } from 'flink-console-client';

const flink = new FlinkClient('http://127.0.0.1:8081');

export async function wrong(): Promise<number> {
  const overview = await flink.requestClusterOverview();
  const slots: number = overview.slotsTotal;
  const job = await flink.requestJob('0123456789abcdef0123456789abcdef');
  const started: number = job['start-time'];
  await flink.triggerSavepoint(job.jid, { targetDir: '/tmp' });
  return slots + started;
}
