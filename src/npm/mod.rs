//! The npm package `flink-console-client`: a wasm-bindgen facade over `client`, with one camelCase
//! method per public `FlinkClient` method. Results are plain JS objects in the models' serde form,
//! whose shapes tsify declares in the package's `.d.ts`; every failure rejects the returned
//! promise with a `FlinkError` (`npm/error.js`), never a panic.
mod checkpoints;
mod cluster;
mod convert;
mod error;
mod jars;
mod jobs;
mod profiler;
mod rescale;
mod savepoints;
mod types;
mod version;

use std::future::Future;
use std::pin::Pin;

use js_sys::Promise;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::client::{self, ClientError};

/// A client for one Flink cluster's REST API.
#[wasm_bindgen]
pub struct FlinkClient {
    inner: client::FlinkClient,
}

#[wasm_bindgen]
impl FlinkClient {
    /// A client for the REST API at `baseUrl` (`http://host:8081`, or a same-origin prefix such
    /// as `/api` in a browser). `timeoutMs` (default 10000) applies to calls that pass none;
    /// `headers` (e.g. `Authorization`) go with every request. Throws a `FlinkError` for bad options.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = baseUrl, unchecked_param_type = "string")] base_url: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ClientOptions")] options: Option<JsValue>,
    ) -> Result<FlinkClient, JsValue> {
        let build = || -> Result<client::FlinkClient, ClientError> {
            let url = convert::non_blank(&base_url, "baseUrl")?;
            Ok(client::FlinkClient::with_options(url, convert::client_options(options)?))
        };
        build().map(|inner| FlinkClient { inner }).map_err(|e| error::to_js(&e))
    }

    /// The base URL every request goes to (without a trailing slash).
    #[wasm_bindgen(getter = baseUrl)]
    pub fn base_url(&self) -> String {
        self.inner.base_url().to_string()
    }
}

/// Runs a call: its result as a plain JS object, its error as a `FlinkError`.
fn spawn<T, F>(future: F) -> Promise
where
    T: Serialize + 'static,
    F: Future<Output = Result<T, ClientError>> + 'static,
{
    spawn_with(future, |value| convert::to_js(&value))
}

/// Runs a call whose result may hold NaN (checkpoint statistics): converted by
/// serde-wasm-bindgen, which keeps it, where JSON would make it `null`.
fn spawn_exact<T, F>(future: F) -> Promise
where
    T: Serialize + 'static,
    F: Future<Output = Result<T, ClientError>> + 'static,
{
    spawn_with(future, |value| convert::to_js_exact(&value))
}

/// Runs a call that answers nothing: resolves to `undefined`.
fn spawn_unit<F>(future: F) -> Promise
where
    F: Future<Output = Result<(), ClientError>> + 'static,
{
    spawn_with(future, |()| Ok(JsValue::UNDEFINED))
}

/// Runs a call and converts its result with `convert`.
fn spawn_with<T, F>(future: F, convert: fn(T) -> Result<JsValue, JsValue>) -> Promise
where
    T: 'static,
    F: Future<Output = Result<T, ClientError>> + 'static,
{
    run(Box::pin(async move {
        match future.await {
            Ok(value) => convert(value),
            Err(e) => Err(error::to_js(&e)),
        }
    }))
}

/// One promise adapter for all calls (boxed: a generic one per method would repeat its code).
fn run(future: Pin<Box<dyn Future<Output = Result<JsValue, JsValue>>>>) -> Promise {
    wasm_bindgen_futures::future_to_promise(future)
}
