//! TypeScript declarations of what the facade takes (options, scopes) and of the Rust types
//! tsify cannot derive (ids, type aliases). The models' interfaces come from tsify.
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_INPUTS: &'static str = r#"
/** A job id: 32 hexadecimal characters. */
export type JobId = string;
/** A job vertex id: 32 hexadecimal characters. */
export type VertexId = string;
/** The id of an asynchronous operation: 32 hexadecimal characters. */
export type TriggerId = string;
/** A task manager's resource id, e.g. `127.0.0.1:6122-25d756`. */
export type TaskManagerId = string;
/** The parallelism bounds of every vertex of a job; a rescale sends the whole map. */
export type JobResourceRequirements = Record<VertexId, VertexResources>;
/** `requestExecutionGraphInfo`: the job and its exception history. */
export type ExecutionGraphInfo = [JobDetails, JobExceptions];

/** Options of the client. */
export type ClientOptions = {
  /** Timeout of a call that passes none (default 10000). */
  timeoutMs?: number;
  /** Headers sent with every request, e.g. `{ Authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
};
/** Options of a single call. */
export type CallOptions = {
  /** This call's timeout; the client's default otherwise. */
  timeoutMs?: number;
};
/** How often to poll and for how long at most (defaults 500 ms and 120000 ms). */
export type WaitOptions = {
  timeoutMs?: number;
  pollIntervalMs?: number;
};
/** `triggerSavepoint`: an empty target directory means the cluster's default. */
export type SavepointOptions = CallOptions & {
  targetDirectory?: string;
  formatType?: SavepointFormat;
  cancelJob?: boolean;
  /** Reuse on retries: Flink answers the same operation, never a second savepoint. */
  triggerId?: TriggerId;
};
/** `stopWithSavepoint`. */
export type StopOptions = CallOptions & {
  targetDirectory?: string;
  formatType?: SavepointFormat;
  /** Emit MAX_WATERMARK before stopping (ends event-time windows). */
  drain?: boolean;
  triggerId?: TriggerId;
};
/** `triggerCheckpoint`. */
export type CheckpointOptions = CallOptions & {
  checkpointType?: CheckpointType;
  triggerId?: TriggerId;
};
/** `requestJobExceptions`. */
export type JobExceptionsOptions = CallOptions & {
  /** At most this many entries of the history (Flink's default otherwise). */
  maxExceptions?: number;
};
/** `runJar`, and `jarPlan` (which reads the entry class, arguments and parallelism). */
export type JarRunOptions = CallOptions & {
  entryClass?: string;
  programArgs?: string[];
  parallelism?: number;
  savepointPath?: string;
  allowNonRestoredState?: boolean;
  /** Who owns the savepoint afterwards (sent only with `savepointPath`). */
  restoreMode?: RestoreMode;
};
/** Whose metrics `requestMetricQueryServiceAddresses` reads (default: the job manager's). */
export type MetricScope =
  | { type: "jobManager" }
  | { type: "job"; jobId: JobId }
  | { type: "vertex"; jobId: JobId; vertexId: VertexId }
  | { type: "taskManager"; taskManagerId: TaskManagerId };
/** Whose profiler `profilingList`, `startProfiling` and `profilingFile` use (default: the job manager's). */
export type ProfilerTarget =
  | { type: "jobManager" }
  | { type: "taskManager"; taskManagerId: TaskManagerId };
/** What `requestAggregatedMetrics` aggregates over. */
export type AggregateScope =
  | { type: "jobs" }
  | { type: "taskManagers" }
  | { type: "subtasks"; jobId: JobId; vertexId: VertexId };
export type Aggregation = "min" | "max" | "avg" | "sum" | "skew";
"#;
