/** What went wrong, as a stable machine-readable name. */
export type FlinkErrorKind =
  /** The request never got an answer: connection refused, DNS, CORS, aborted. */
  | 'network'
  /** No answer within the call's timeout; the request was aborted. */
  | 'timeout'
  /** A proxy in front of Flink answered 500, 502, 503 or 504 without Flink's error body (`status`): it got no answer from Flink. */
  | 'unreachable'
  /** Flink answered with an error status (`status`, and Flink's `errors` in `messages`). */
  | 'http'
  /** The answer was not the JSON the client expected. */
  | 'decode'
  /** An argument was rejected before anything was sent; `message` names it and says what it must be. */
  | 'invalid_input'
  /** Something the call needs is missing: a feature of a newer Flink, or of the platform (a secure random source). */
  | 'unsupported'
  /** A savepoint, checkpoint, stop or disposal finished with a failure (its stack trace in `messages`). */
  | 'operation_failed';

export interface FlinkErrorDetails {
  kind: FlinkErrorKind;
  status?: number | null;
  messages?: string[];
  isNotFound?: boolean;
  flinkMessage?: string | null;
}

/** The error every failed call of `FlinkClient` rejects with. */
export declare class FlinkError extends Error {
  constructor(message: string, details: FlinkErrorDetails);
  name: 'FlinkError';
  /** A sentence saying what went wrong and what to check. */
  message: string;
  kind: FlinkErrorKind;
  /** The HTTP status, where Flink (or, for `unreachable`, the proxy) answered with an error; otherwise `null`. */
  status: number | null;
  /** What Flink said: its `errors` array, or a failed operation's stack trace. */
  messages: string[];
  /** True for every way Flink says "no such job / vertex / trigger / task manager". */
  isNotFound: boolean;
  /** The first line of Flink's exception, without Java class names; `null` where Flink said nothing. */
  flinkMessage: string | null;
}
