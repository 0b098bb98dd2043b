//! A typed client for Apache Flink's REST API: one method per `RestfulGateway` operation.
//! No UI code here, ever: this module is also the npm package.
mod api;
mod error;
mod ids;
mod json_path;
pub mod models;
pub mod request;
mod transport;
mod version;
mod wait;

pub use api::profiler::ProfilerTarget;
pub use api::rescale;
pub use api::{ClientOptions, FlinkClient};
pub use error::{ClientError, summarize_messages, summarize_trace};
pub use ids::{JobId, TaskManagerId, TriggerId, VertexId};
pub use models::*;
pub use transport::{decode_json, http_error};
pub use version::{Feature, FlinkVersion};
pub use wait::WaitOptions;
