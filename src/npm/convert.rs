//! JS values in and out. Out: serde-wasm-bindgen's JSON-compatible serializer (maps as plain
//! objects, `None` as `null`), matching what tsify declares with its `json` feature. In: every
//! argument is read here, field by field, never through serde: a wrong one rejects with an
//! `invalid_input` error that names it as the `.d.ts` does (`jobId`, `options.timeoutMs`,
//! `scope.jobId`) and says what it must be in JavaScript's terms, not in Rust's.
use std::cell::RefCell;
use std::time::Duration;

use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::error;
use crate::client::{self, ClientError, ClientOptions, JobId, TaskManagerId, TriggerId, VertexId, WaitOptions};

/// A result as a plain JS object, built by the engine's `JSON.parse` from the JSON serde_json
/// writes: one call into JavaScript instead of one per field and value, which is what made
/// serde-wasm-bindgen cost 3× the decoding itself on large answers (bench/decode.mjs). The
/// objects are the ones `to_js_exact` builds for any value without NaN or infinities (JSON has
/// none; only checkpoint statistics hold them, and go through `to_js_exact`). A value with an
/// integer beyond what a JS number holds exactly goes through `to_js_exact`, which refuses it
/// as it always did.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let unsafe_integer = std::cell::Cell::new(false);
    let mut text = Vec::with_capacity(1024);
    let mut json = serde_json::Serializer::with_formatter(&mut text, JsNumbers(&unsafe_integer));
    if value.serialize(&mut json).is_err() || unsafe_integer.get() {
        return to_js_exact(value);
    }
    match String::from_utf8(text).map(|text| js_sys::JSON::parse(&text)) {
        Ok(Ok(object)) => Ok(object),
        _ => to_js_exact(value),
    }
}

/// serde_json's compact JSON, noting any integer that a JS number cannot hold exactly
/// (serde-wasm-bindgen refuses those; `JSON.parse` would round them).
struct JsNumbers<'a>(&'a std::cell::Cell<bool>);

impl serde_json::ser::Formatter for JsNumbers<'_> {
    fn write_i64<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: i64) -> std::io::Result<()> {
        if !(-(MAX_SAFE as i64)..=MAX_SAFE as i64).contains(&value) {
            self.0.set(true);
        }
        serde_json::ser::CompactFormatter.write_i64(writer, value)
    }

    fn write_u64<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: u64) -> std::io::Result<()> {
        if value > MAX_SAFE as u64 {
            self.0.set(true);
        }
        serde_json::ser::CompactFormatter.write_u64(writer, value)
    }

    // serde-wasm-bindgen makes BigInts of these.
    fn write_i128<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: i128) -> std::io::Result<()> {
        self.0.set(true);
        serde_json::ser::CompactFormatter.write_i128(writer, value)
    }

    fn write_u128<W: ?Sized + std::io::Write>(&mut self, writer: &mut W, value: u128) -> std::io::Result<()> {
        self.0.set(true);
        serde_json::ser::CompactFormatter.write_u128(writer, value)
    }
}

/// A result as a plain JS object, built field by field by serde-wasm-bindgen: NaN stays NaN.
pub fn to_js_exact<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error::decode(&format!("Flink's answer could not be passed to JavaScript: {e}")))
}

fn invalid(message: String) -> ClientError {
    ClientError::InvalidInput(message)
}

/// "`name` must be `what`, not `value`": the one shape of an argument error.
fn must(name: &str, what: &str, value: &JsValue) -> ClientError {
    invalid(format!("{name} must be {what}, not {}", describe(value)))
}

/// A value as a sentence about JavaScript names it: `'abc'`, `-5`, `null`, `an array`.
pub fn describe(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        return match s.char_indices().nth(40) {
            Some((i, _)) => format!("'{}…'", &s[..i]),
            None => format!("'{s}'"),
        };
    }
    if let Some(n) = value.as_f64() {
        return match n {
            f64::INFINITY => "Infinity".into(),
            f64::NEG_INFINITY => "-Infinity".into(),
            n => n.to_string(),
        };
    }
    if let Some(b) = value.as_bool() {
        return b.to_string();
    }
    let kind = match () {
        _ if value.is_undefined() => "undefined",
        _ if value.is_null() => "null",
        _ if Array::is_array(value) => "an array",
        _ if value.is_instance_of::<Uint8Array>() => "a Uint8Array",
        _ if value.is_function() => "a function",
        _ if value.is_bigint() => "a BigInt",
        _ if value.is_symbol() => "a symbol",
        _ => "an object",
    };
    kind.into()
}

/// `'a', 'b' or 'c'`.
pub fn one_of(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("'{v}'")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// An optional argument: `None` for `undefined` and `null`.
pub fn given(value: Option<JsValue>) -> Option<JsValue> {
    value.filter(|v| !v.is_undefined() && !v.is_null())
}

/// An optional argument read with `read`, or `T::default()` when not given.
pub fn or_default<T: Default>(value: Option<JsValue>, name: &str, read: Read<T>) -> Result<T, ClientError> {
    given(value).map_or_else(|| Ok(T::default()), |v| read(&v, name))
}

/// How every argument and field is read: the value and the name that errors give it.
pub type Read<T> = fn(&JsValue, &str) -> Result<T, ClientError>;

pub fn text(value: &JsValue, name: &str) -> Result<String, ClientError> {
    value.as_string().ok_or_else(|| must(name, "a string", value))
}

/// A string parsed by `parse`; anything else, or a string it refuses, is "`name` must be `what`".
fn parsed<T>(value: &JsValue, name: &str, what: &str, parse: impl Fn(&str) -> Option<T>) -> Result<T, ClientError> {
    value.as_string().and_then(|s| parse(&s)).ok_or_else(|| must(name, what, value))
}

pub fn non_blank(value: &JsValue, name: &str) -> Result<String, ClientError> {
    parsed(value, name, "a non-empty string", |s| (!s.trim().is_empty()).then(|| s.to_string()))
}

const HEX32: &str = "a string of 32 hexadecimal characters";

pub fn job(value: &JsValue, name: &str) -> Result<JobId, ClientError> {
    parsed(value, name, HEX32, |s| JobId::parse(s).ok())
}

pub fn vertex(value: &JsValue, name: &str) -> Result<VertexId, ClientError> {
    parsed(value, name, HEX32, |s| VertexId::parse(s).ok())
}

pub fn trigger(value: &JsValue, name: &str) -> Result<TriggerId, ClientError> {
    parsed(value, name, HEX32, |s| TriggerId::parse(s).ok())
}

pub fn task_manager(value: &JsValue, name: &str) -> Result<TaskManagerId, ClientError> {
    parsed(value, name, "a task manager id (a non-empty string)", |s| TaskManagerId::parse(s).ok())
}

/// A string of one of Flink's string enums: any string (a newer Flink may know more), with the
/// values this client knows as the examples an error gives.
pub fn flink_enum<T: for<'a> From<&'a str>>(value: &JsValue, name: &str, known: &[T], as_str: fn(&T) -> &str) -> Result<T, ClientError> {
    let known: Vec<&str> = known.iter().map(as_str).collect();
    parsed(value, name, &format!("a string such as {}", one_of(&known)), |s| Some(T::from(s)))
}

pub fn function(value: &JsValue, name: &str) -> Result<js_sys::Function, ClientError> {
    value.dyn_ref::<js_sys::Function>().cloned().ok_or_else(|| must(name, "a function", value))
}

pub fn boolean(value: &JsValue, name: &str) -> Result<bool, ClientError> {
    value.as_bool().ok_or_else(|| must(name, "true or false", value))
}

/// The largest whole number a JS number holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
/// Flink's int limit (parallelism, maxExceptions).
pub const MAX_INT: f64 = 2_147_483_647.0;

/// A whole number in `min..=max`, said so in the error.
pub fn whole(value: &JsValue, name: &str, min: f64, max: f64) -> Result<f64, ClientError> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (min..=max).contains(&n) => Ok(n),
        _ if min <= -MAX_SAFE => Err(must(name, "a whole number", value)),
        _ if max >= MAX_SAFE => Err(must(name, &format!("a whole number ≥ {min}"), value)),
        _ => Err(must(name, &format!("a whole number from {min} to {max}"), value)),
    }
}

pub fn count(value: &JsValue, name: &str) -> Result<u64, ClientError> {
    whole(value, name, 0.0, MAX_SAFE).map(|n| n as u64)
}

/// An integer that may be negative (epoch milliseconds, parallelism bounds).
pub fn integer(value: &JsValue, name: &str) -> Result<i64, ClientError> {
    whole(value, name, -MAX_SAFE, MAX_SAFE).map(|n| n as i64)
}

pub fn millis(value: &JsValue, name: &str) -> Result<Duration, ClientError> {
    match value.as_f64() {
        Some(n) if n.is_finite() && n >= 0.0 => Ok(Duration::from_millis(n.round() as u64)),
        _ => Err(must(name, "a number of milliseconds ≥ 0", value)),
    }
}

pub fn bytes(value: &JsValue, name: &str) -> Result<Vec<u8>, ClientError> {
    value.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec).ok_or_else(|| must(name, "a Uint8Array", value))
}

/// An array of strings; a wrong item is named by its index (`names[1]`).
pub fn strings(value: &JsValue, name: &str) -> Result<Vec<String>, ClientError> {
    let array = value.dyn_ref::<Array>().ok_or_else(|| must(name, "an array of strings", value))?;
    array.iter().enumerate().map(|(i, item)| text(&item, &format!("{name}[{i}]"))).collect()
}

/// An object used as a map (`Record<string, T>`): its own keys and their values.
pub fn entries(value: &JsValue, name: &str, what: &str) -> Result<Vec<(String, JsValue)>, ClientError> {
    let object = plain_object(value, name, what)?;
    Ok(Object::entries(object)
        .iter()
        .map(|pair| {
            let pair: Array = pair.unchecked_into();
            (pair.get(0).as_string().unwrap_or_default(), pair.get(1))
        })
        .collect())
}

/// Any non-array object (also one without a prototype, which is no `instanceof Object`).
fn plain_object<'a>(value: &'a JsValue, name: &str, what: &str) -> Result<&'a Object, ClientError> {
    if value.is_object() && !Array::is_array(value) {
        Ok(value.unchecked_ref())
    } else {
        Err(must(name, what, value))
    }
}

/// A JS object read key by key with the readers above: a field's errors name it `path.key`,
/// and the keys read are the known ones, so that one nobody read is reported with them.
pub struct Fields<'a> {
    object: &'a Object,
    path: &'a str,
    read: RefCell<Vec<&'static str>>,
}

impl<'a> Fields<'a> {
    fn new(object: &'a Object, path: &'a str) -> Self {
        Self { object, path, read: RefCell::default() }
    }

    fn get(&self, key: &'static str) -> Option<JsValue> {
        self.read.borrow_mut().push(key);
        given(Reflect::get(self.object, &JsValue::from_str(key)).ok())
    }

    /// An optional field: `None` when absent, `undefined` or `null`.
    pub fn opt<T>(&self, key: &'static str, read: Read<T>) -> Result<Option<T>, ClientError> {
        self.get(key).map(|v| read(&v, &format!("{}.{key}", self.path))).transpose()
    }

    pub fn req<T>(&self, key: &'static str, read: Read<T>) -> Result<T, ClientError> {
        self.opt(key, read)?.ok_or_else(|| invalid(format!("{}.{key} is missing", self.path)))
    }

    /// `timeoutMs`, which every options object has.
    pub fn timeout(&self) -> Result<Option<Duration>, ClientError> {
        self.opt("timeoutMs", millis)
    }

    /// Refuses a key that no reader asked for: "unknown `kind` 'k' in `within` (known: …)".
    fn no_other_keys(&self, kind: &str, within: &str) -> Result<(), ClientError> {
        let known = self.read.borrow();
        let unknown = Object::keys(self.object).iter().filter_map(|k| k.as_string()).find(|k| !known.contains(&k.as_str()));
        match unknown {
            Some(key) => Err(invalid(format!("unknown {kind} '{key}' in {within} (known: {})", known.join(", ")))),
            None => Ok(()),
        }
    }
}

/// A required object argument or field (`requirements['…'].parallelism`).
pub fn object<T>(value: &JsValue, name: &str, what: &str, read: impl FnOnce(&Fields) -> Result<T, ClientError>) -> Result<T, ClientError> {
    let fields = Fields::new(plain_object(value, name, what)?, name);
    let result = read(&fields)?;
    fields.no_other_keys("field", name)?;
    Ok(result)
}

/// An options argument (always named `options`; `undefined` and `null` read as `{}`). `what`
/// names it in the error for a misspelt option: "unknown option 'x' in savepoint options".
pub fn options<T>(value: Option<JsValue>, what: &str, read: impl FnOnce(&Fields) -> Result<T, ClientError>) -> Result<T, ClientError> {
    let value = given(value).unwrap_or_else(|| Object::new().into());
    let fields = Fields::new(plain_object(&value, "options", "an object or undefined")?, "options");
    let result = read(&fields)?;
    fields.no_other_keys("option", what)?;
    Ok(result)
}

/// A `{type: …}` union (the scopes). `read` gets the type and the fields, and answers `None`
/// for a type it does not know; a value of no known shape is "`name` must be `shape`".
pub fn tagged<T>(
    value: &JsValue,
    name: &str,
    shape: &str,
    read: impl FnOnce(&str, &Fields) -> Result<Option<T>, ClientError>,
) -> Result<T, ClientError> {
    let fields = Fields::new(plain_object(value, name, shape)?, name);
    let ty = fields.get("type");
    if let Some(t) = ty.as_ref().and_then(JsValue::as_string)
        && let Some(result) = read(&t, &fields)?
    {
        fields.no_other_keys("field", &format!("{name} {{type: '{t}'}}"))?;
        return Ok(result);
    }
    let not = ty.map_or_else(|| "an object without a type".into(), |t| format!("{{type: {}}}", describe(&t)));
    Err(invalid(format!("{name} must be {shape}, not {not}")))
}

/// The client with this call's own timeout (`{ timeoutMs }`), where it sets one.
pub fn timed(client: &client::FlinkClient, call_options: Option<JsValue>) -> Result<client::FlinkClient, ClientError> {
    Ok(with_timeout(client, options(call_options, "call options", |o| o.timeout())?))
}

pub fn with_timeout(client: &client::FlinkClient, timeout: Option<Duration>) -> client::FlinkClient {
    timeout.map_or_else(|| client.clone(), |t| client.with_timeout(t))
}

fn headers(value: &JsValue, name: &str) -> Result<Vec<(String, String)>, ClientError> {
    entries(value, name, "an object of header names to strings")?
        .into_iter()
        .map(|(key, v)| {
            let value = text(&v, &format!("{name}['{key}']"))?;
            Ok((key, value))
        })
        .collect()
}

pub fn client_options(value: Option<JsValue>) -> Result<ClientOptions, ClientError> {
    options(value, "client options", |o| {
        let mut result = ClientOptions::default();
        if let Some(t) = o.timeout()? {
            result.timeout = t;
        }
        result.headers = o.opt("headers", headers)?.unwrap_or_default();
        Ok(result)
    })
}

pub fn wait_options(value: Option<JsValue>) -> Result<WaitOptions, ClientError> {
    options(value, "wait options", |o| {
        let mut result = WaitOptions::default();
        if let Some(t) = o.timeout()? {
            result.timeout = t;
        }
        if let Some(p) = o.opt("pollIntervalMs", millis)? {
            result.poll_interval = p;
        }
        Ok(result)
    })
}
