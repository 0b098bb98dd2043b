//! flink-console: a typed client for Apache Flink's REST API (`client`), the Leptos console
//! built on it (`app`, feature `ui`) and the JavaScript facade (`npm`, feature `npm`).
pub mod client;

#[cfg(feature = "ui")]
pub mod app;

#[cfg(feature = "npm")]
pub mod npm;
