//! The Leptos console. Talks to Flink only through `crate::client`.
pub mod components;
pub mod context;
pub mod format;
pub mod list;
pub mod load;
pub mod operation;
pub mod pages;
pub mod poll;
mod routes;
mod shell;

pub use context::{Cluster, Health, RefreshControl, href};
pub use shell::App;
