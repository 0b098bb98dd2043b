//! The action dialogs, one file each. A dialog only shows its `Operation` and reports the
//! user's choice through a callback, so a test can walk it through idle → running → done or
//! failed without a server; `actions` does the talking to Flink.
mod cancel;
mod checkpoint;
mod savepoint;

pub use cancel::CancelDialog;
pub use checkpoint::{CheckpointDialog, CheckpointRequest};
pub use savepoint::{SavepointDialog, SavepointOutcome, SavepointRequest};
