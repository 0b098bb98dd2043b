//! JS values in and out. Out: serde-wasm-bindgen's JSON-compatible serializer (maps as plain
//! objects, `None` as `null`), matching what tsify declares with its `json` feature. In: option
//! objects and ids, checked here so that a wrong argument rejects with an `invalid_input` error.
use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use super::error;
use crate::client::{self, ClientError, ClientOptions, JobId, TaskManagerId, TriggerId, VertexId, WaitOptions};

/// A result as a plain JS object.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error::decode(&format!("Flink's answer could not be passed to JavaScript: {e}")))
}

fn invalid(message: String) -> ClientError {
    ClientError::InvalidInput(message)
}

/// An options object (`undefined` and `null` mean "all defaults").
pub fn options<T: DeserializeOwned + Default>(value: Option<JsValue>, what: &str) -> Result<T, ClientError> {
    match value {
        Some(v) if !v.is_undefined() && !v.is_null() => read(v, what),
        _ => Ok(T::default()),
    }
}

/// A required argument of a declared shape.
pub fn value<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, ClientError> {
    read(value, what)
}

/// Through `serde_json::Value`, so that `deny_unknown_fields` holds: serde-wasm-bindgen reads
/// only the fields a struct names and would let a misspelt option pass unnoticed.
fn read<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, ClientError> {
    let bad = |e: &dyn std::fmt::Display| invalid(format!("invalid {what}: {e}"));
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| bad(&e))?;
    serde_json::from_value(json).map_err(|e| bad(&e))
}

pub fn text(value: &JsValue, what: &str) -> Result<String, ClientError> {
    value.as_string().ok_or_else(|| invalid(format!("{what} must be a string")))
}

pub fn job(value: &JsValue) -> Result<JobId, ClientError> {
    JobId::parse(&text(value, "the job id")?)
}

pub fn vertex(value: &JsValue) -> Result<VertexId, ClientError> {
    VertexId::parse(&text(value, "the vertex id")?)
}

pub fn trigger(value: &JsValue) -> Result<TriggerId, ClientError> {
    TriggerId::parse(&text(value, "the trigger id")?)
}

pub fn task_manager(value: &JsValue) -> Result<TaskManagerId, ClientError> {
    TaskManagerId::parse(&text(value, "the task manager id")?)
}

/// A whole, non-negative number that JS can hold exactly.
pub fn count(value: &JsValue, what: &str) -> Result<u64, ClientError> {
    match value.as_f64() {
        Some(n) if n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_991.0 => Ok(n as u64),
        _ => Err(invalid(format!("{what} must be a whole number ≥ 0"))),
    }
}

/// An integer that may be negative (epoch milliseconds).
pub fn integer(value: &JsValue, what: &str) -> Result<i64, ClientError> {
    match value.as_f64() {
        Some(n) if n.is_finite() && n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_991.0 => Ok(n as i64),
        _ => Err(invalid(format!("{what} must be a whole number"))),
    }
}

pub fn bytes(value: &JsValue, what: &str) -> Result<Vec<u8>, ClientError> {
    value
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
        .ok_or_else(|| invalid(format!("{what} must be a Uint8Array")))
}

pub fn strings(value: JsValue, what: &str) -> Result<Vec<String>, ClientError> {
    self::value(value, what)
}

pub fn millis(ms: Option<f64>, what: &str) -> Result<Option<Duration>, ClientError> {
    match ms {
        None => Ok(None),
        Some(n) if n.is_finite() && n >= 0.0 => Ok(Some(Duration::from_millis(n.round() as u64))),
        Some(n) => Err(invalid(format!("{what} must be a number of milliseconds ≥ 0, not {n}"))),
    }
}

/// `{ timeoutMs }`: the per-call timeout of every method.
#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsCallOptions {
    timeout_ms: Option<f64>,
}

/// The client with this call's own timeout (`{ timeoutMs }`), where it sets one.
pub fn timed(client: &client::FlinkClient, call_options: Option<JsValue>) -> Result<client::FlinkClient, ClientError> {
    let o: JsCallOptions = options(call_options, "call options")?;
    Ok(with_timeout(client, millis(o.timeout_ms, "timeoutMs")?))
}

pub fn with_timeout(client: &client::FlinkClient, timeout: Option<Duration>) -> client::FlinkClient {
    timeout.map_or_else(|| client.clone(), |t| client.with_timeout(t))
}

#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsClientOptions {
    timeout_ms: Option<f64>,
    headers: Option<BTreeMap<String, String>>,
}

pub fn client_options(value: Option<JsValue>) -> Result<ClientOptions, ClientError> {
    let o: JsClientOptions = options(value, "client options")?;
    let mut result = ClientOptions::default();
    if let Some(t) = millis(o.timeout_ms, "timeoutMs")? {
        result.timeout = t;
    }
    result.headers = o.headers.unwrap_or_default().into_iter().collect();
    Ok(result)
}

#[derive(Default, serde::Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct JsWaitOptions {
    timeout_ms: Option<f64>,
    poll_interval_ms: Option<f64>,
}

pub fn wait_options(value: Option<JsValue>) -> Result<WaitOptions, ClientError> {
    let o: JsWaitOptions = options(value, "wait options")?;
    let mut result = WaitOptions::default();
    if let Some(t) = millis(o.timeout_ms, "timeoutMs")? {
        result.timeout = t;
    }
    if let Some(p) = millis(o.poll_interval_ms, "pollIntervalMs")? {
        result.poll_interval = p;
    }
    Ok(result)
}
