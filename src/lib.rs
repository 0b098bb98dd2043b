//! flink-console: a typed client for Apache Flink's REST API (`client`), the Leptos console
//! built on it (`app`, feature `ui`) and the JavaScript facade (`npm`, feature `npm`).
pub mod client;

// The console and the JS facade are not libraries for others: their items need no docs.
#[cfg(feature = "ui")]
#[allow(missing_docs)]
pub mod app;

#[cfg(feature = "npm")]
#[allow(missing_docs)]
pub mod npm;
