// Must NOT compile (the npm layer asserts that tsc rejects it): Flink's kebab-case and
// snake_case names (the package speaks camelCase only), a possibly-null field used as if always
// present, and an option that does not exist.
import { FlinkClient } from 'flink-console-client';

const flink = new FlinkClient('http://127.0.0.1:8081');

export async function wrong(): Promise<number> {
  const overview = await flink.requestClusterOverview();
  const slots: number = overview['slots-total'];
  const job = await flink.requestJob('0123456789abcdef0123456789abcdef');
  const checkpoint = await flink.requestCheckpointDetails(job.jid, 1);
  const path: string | null = checkpoint.external_path;
  const started: number = job.startTime;
  await flink.triggerSavepoint(job.jid, { targetDir: '/tmp' });
  return slots + started + (path?.length ?? 0);
}
