//! `ClientError` → `FlinkError`, the `Error` subclass defined in the package's `error.js` (next
//! to the generated glue, hence `raw_module`), so `instanceof FlinkError` works for callers.
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::client::ClientError;

#[wasm_bindgen(raw_module = "./error.js")]
extern "C" {
    type FlinkError;

    #[wasm_bindgen(constructor, js_class = "FlinkError")]
    fn new(message: &str, details: &JsValue) -> FlinkError;
}

/// What `FlinkError` carries besides its message (see `error.d.ts`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Details<'a> {
    kind: &'a str,
    status: Option<u16>,
    messages: Vec<String>,
    is_not_found: bool,
    flink_message: Option<String>,
}

fn make(message: &str, details: &Details) -> JsValue {
    let details = details.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL);
    FlinkError::new(message, &details).into()
}

/// The `FlinkError` for a failed call; its message is the error's Rust `Display` sentence.
pub fn to_js(e: &ClientError) -> JsValue {
    make(
        &e.to_string(),
        &Details {
            kind: e.kind(),
            status: e.status(),
            messages: e.messages(),
            is_not_found: e.is_not_found(),
            flink_message: e.flink_message(),
        },
    )
}

/// A result that JavaScript cannot hold (a number beyond 2^53): reported as a decode error.
pub fn decode(message: &str) -> JsValue {
    make(message, &Details { kind: "decode", status: None, messages: Vec::new(), is_not_found: false, flink_message: None })
}
