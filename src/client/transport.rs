//! The only code that does HTTP: sends a built `Request` with gloo-net (browser `fetch`, or
//! Node's global `fetch`), aborts it when the timeout passes, and turns the answer into a value.
use serde::de::DeserializeOwned;

use super::ClientError;
use super::request::{Body, Method};

/// A raw answer: status and body text.
pub(crate) struct Response {
    pub status: u16,
    pub text: String,
}

impl Response {
    /// Success with a body nobody needs (`{}` or empty), or the error Flink reported.
    pub fn check(&self, url: &str) -> Result<(), ClientError> {
        if (200..300).contains(&self.status) {
            Ok(())
        } else {
            Err(http_error(url, self.status, &self.text))
        }
    }
}

/// Decodes JSON; a failure names the path of the field that did not fit (`vertices[0].id`).
pub fn decode_json<T: DeserializeOwned>(url: &str, text: &str) -> Result<T, ClientError> {
    let text = &*without_lone_surrogates(text);
    serde_json::from_str(text).map_err(|e| {
        let mut offset = super::json_path::offset_of(text, e.line(), e.column());
        let message = e.to_string();
        // serde_json reports an error in an object's last value at the closing bracket it read
        // after it; only "missing field" is about the object itself.
        if !message.starts_with("missing field") && matches!(text.as_bytes().get(offset), Some(b'}' | b']')) {
            offset = text.get(..offset).map(|t| t.trim_end().len().saturating_sub(1)).unwrap_or(offset);
        }
        // serde_json ends its messages with the position, which the path now says better.
        let message = match message.rfind(" at line ") {
            Some(i) => message.get(..i).unwrap_or(&message).to_string(),
            None => message,
        };
        ClientError::Decode { url: url.to_string(), path: super::json_path::path_at(text, offset), message }
    })
}

/// `text` with each `\u` escape of half a UTF-16 surrogate pair replaced by `\uFFFD` (the
/// replacement character). Java strings may hold such halves and Jackson escapes them; serde_json
/// refuses them, which would make one odd job name cost the whole list. The text keeps its
/// length, so decode errors still point at the right field.
pub fn without_lone_surrogates(text: &str) -> std::borrow::Cow<'_, str> {
    fn unit(b: &[u8], at: usize) -> Option<u16> {
        let hex = b.get(at + 2..at + 6)?;
        (b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u'))
            .then(|| std::str::from_utf8(hex).ok().and_then(|h| u16::from_str_radix(h, 16).ok()))
            .flatten()
    }
    let b = text.as_bytes();
    let mut lone = Vec::new();
    let mut i = 0;
    while let Some(next) = b.get(i..).and_then(|rest| rest.iter().position(|&c| c == b'\\')) {
        i += next;
        match unit(b, i) {
            Some(0xD800..=0xDBFF) if unit(b, i + 6).is_some_and(|u| (0xDC00..=0xDFFF).contains(&u)) => i += 12,
            Some(0xD800..=0xDFFF) => {
                lone.push(i);
                i += 6;
            }
            Some(_) => i += 6,
            None => i += 2, // any other escape, `\\` included: its second byte starts nothing
        }
    }
    if lone.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for at in lone {
        out.push_str(text.get(done..at).unwrap_or_default());
        out.push_str("\\uFFFD");
        done = at + 6;
    }
    out.push_str(text.get(done..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

/// The error an answer with an error status means. Flink's error body is `{"errors": [...]}`,
/// which makes an `Http` error from Flink. A 500, 502, 503 or 504 without it comes from a proxy
/// in front of Flink that got no answer from it (`trunk serve` answers 500 with no body, nginx
/// 502 with an HTML page): `Unreachable`. Any other status keeps the body as one (shortened)
/// message.
pub fn http_error(url: &str, status: u16, text: &str) -> ClientError {
    #[derive(serde::Deserialize)]
    struct Errors {
        errors: Vec<String>,
    }
    let messages = match serde_json::from_str::<Errors>(&without_lone_surrogates(text)) {
        Ok(e) => e.errors,
        Err(_) if matches!(status, 500 | 502 | 503 | 504) => {
            return ClientError::Unreachable { url: url.to_string(), status };
        }
        Err(_) if text.trim().is_empty() => Vec::new(),
        Err(_) => vec![text.chars().take(500).collect()],
    };
    ClientError::Http { url: url.to_string(), status, messages }
}

/// What `Response.text()` makes of a body: UTF-8 without a leading byte-order mark, invalid
/// sequences replaced by U+FFFD.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn body_text(bytes: Vec<u8>) -> String {
    let mut text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}

#[cfg(target_arch = "wasm32")]
pub(crate) async fn send(
    url: &str,
    method: Method,
    body: &Body,
    headers: &[(String, String)],
    timeout_ms: u32,
) -> Result<Response, ClientError> {
    use futures::future::{Either, select};
    let network = |message: String| ClientError::Network { url: url.to_string(), message };
    let controller = web_sys::AbortController::new().map_err(|_| network("AbortController is unavailable".into()))?;
    let built = request(url, method, body, headers, &controller).map_err(network)?;

    let exchange = async move {
        let response = built.send().await.map_err(|e| network(e.to_string()))?;
        let status = response.status();
        // The body as bytes, made text here: wasm-bindgen copies a JS string into wasm one
        // character at a time in JavaScript (about 20 ms for 4 MB), an ArrayBuffer in one go.
        let bytes = response.binary().await.map_err(|e| network(e.to_string()))?;
        Ok(Response { status, text: body_text(bytes) })
    };
    let timer = gloo_timers::future::TimeoutFuture::new(timeout_ms);
    match select(Box::pin(exchange), timer).await {
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            controller.abort();
            Err(ClientError::Timeout { url: url.to_string(), after_ms: timeout_ms })
        }
    }
}

/// Reads a GET answer's body as it arrives, handing each piece to `on_chunk`, and returns how
/// many bytes came: for files Flink serves whole (logs of 100 MB), which are never held as one
/// string. `idle_ms` bounds the wait for the headers and for each next piece, not the whole read.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn stream(
    url: &str,
    headers: &[(String, String)],
    idle_ms: u32,
    on_chunk: &mut dyn FnMut(&[u8]),
) -> Result<u64, ClientError> {
    use futures::future::{Either, select};
    use wasm_bindgen::JsCast;
    let network = |message: String| ClientError::Network { url: url.to_string(), message };
    let timeout = || ClientError::Timeout { url: url.to_string(), after_ms: idle_ms };
    let controller = web_sys::AbortController::new().map_err(|_| network("AbortController is unavailable".into()))?;
    let built = request(url, Method::Get, &Body::None, headers, &controller).map_err(network)?;
    let timer = || gloo_timers::future::TimeoutFuture::new(idle_ms);
    let response = match select(Box::pin(built.send()), timer()).await {
        Either::Left((response, _)) => response.map_err(|e| network(e.to_string()))?,
        Either::Right(_) => {
            controller.abort();
            return Err(timeout());
        }
    };
    let status = response.status();
    if !(200..300).contains(&status) {
        let text = response.binary().await.map(body_text).unwrap_or_default();
        return Err(http_error(url, status, &text));
    }
    let Some(body) = response.body() else { return Ok(0) };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut total = 0u64;
    loop {
        let next = wasm_bindgen_futures::JsFuture::from(reader.read());
        let piece = match select(next, timer()).await {
            Either::Left((piece, _)) => piece.map_err(|e| network(e.as_string().unwrap_or_else(|| "the answer broke off".into())))?,
            Either::Right(_) => {
                controller.abort();
                return Err(timeout());
            }
        };
        let field = |name: &str| js_sys::Reflect::get(&piece, &name.into()).unwrap_or_default();
        if field("done").as_bool().unwrap_or(true) {
            return Ok(total);
        }
        if let Ok(bytes) = field("value").dyn_into::<js_sys::Uint8Array>() {
            let bytes = bytes.to_vec();
            total += bytes.len() as u64;
            on_chunk(&bytes);
        }
    }
}

/// Sends like [`send`], reporting the bytes of the body sent so far to `on_progress` (sent,
/// total): through `XMLHttpRequest`, the one browser API that reports upload progress (a
/// streamed `fetch` body needs HTTP/2). Where there is none (Node), it is `send`, without
/// progress. `idle_ms` bounds the wait since the last progress, not the whole upload, so a big
/// jar on a slow link is not cut off while it keeps going.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn send_with_progress(
    url: &str,
    method: Method,
    body: &Body,
    headers: &[(String, String)],
    idle_ms: u32,
    on_progress: Box<dyn Fn(u64, u64)>,
) -> Result<Response, ClientError> {
    use std::cell::Cell;
    use std::rc::Rc;

    use futures::future::{Either, select};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    if !js_sys::Reflect::has(&js_sys::global(), &"XMLHttpRequest".into()).unwrap_or(false) {
        return send(url, method, body, headers, idle_ms).await;
    }
    let network = |message: &str| ClientError::Network { url: url.to_string(), message: message.to_string() };
    let xhr = web_sys::XmlHttpRequest::new().map_err(|_| network("XMLHttpRequest is unavailable"))?;
    xhr.open_with_async(method.as_str(), url, true).map_err(|_| network("the request could not be made"))?;
    for (name, value) in headers {
        xhr.set_request_header(name, value).map_err(|_| network(&format!("the header {name:?} is not valid")))?;
    }
    let last = Rc::new(Cell::new(now_ms()));
    let progress = {
        let last = last.clone();
        Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
            last.set(now_ms());
            let total = if e.length_computable() { e.total() as u64 } else { 0 };
            on_progress(e.loaded() as u64, total);
        })
    };
    // Resolved once, by whichever of load, error or abort comes first: whether it loaded.
    let (done, finished) = futures::channel::oneshot::channel::<bool>();
    let done = Rc::new(Cell::new(Some(done)));
    let end = |loaded: bool| {
        let done = done.clone();
        Closure::<dyn FnMut()>::new(move || {
            if let Some(done) = done.take() {
                let _ = done.send(loaded);
            }
        })
    };
    let (on_load, on_failure) = (end(true), end(false));
    if let Ok(upload) = xhr.upload() {
        upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    }
    xhr.set_onload(Some(on_load.as_ref().unchecked_ref()));
    xhr.set_onerror(Some(on_failure.as_ref().unchecked_ref()));
    xhr.set_onabort(Some(on_failure.as_ref().unchecked_ref()));
    let sent = match body {
        Body::None => xhr.send(),
        Body::Json(value) => {
            xhr.set_request_header("Content-Type", "application/json").map_err(|_| network("the JSON body could not be sent"))?;
            xhr.send_with_opt_str(Some(&value.to_string()))
        }
        Body::Jar { file_name, bytes } => xhr.send_with_opt_form_data(Some(&jar_form(file_name, bytes).map_err(|m| network(&m))?)),
    };
    sent.map_err(|_| network("the request could not be sent"))?;
    let mut finished = finished;
    let loaded = loop {
        match select(finished, gloo_timers::future::TimeoutFuture::new(idle_ms)).await {
            Either::Left((loaded, _)) => break loaded.unwrap_or(false),
            Either::Right((_, pending)) if now_ms() - last.get() < f64::from(idle_ms) => finished = pending,
            Either::Right(_) => {
                let _ = xhr.abort();
                return Err(ClientError::Timeout { url: url.to_string(), after_ms: idle_ms });
            }
        }
    };
    if !loaded {
        return Err(network("the upload broke off"));
    }
    let status = xhr.status().unwrap_or(0);
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    Ok(Response { status, text })
}

/// The fetch request, made directly: gloo-net's `RequestBuilder` would append an `&` to every
/// URL that has a query (`?mode=cancel&`), so the wire would differ from `Request::url`.
#[cfg(target_arch = "wasm32")]
fn request(
    url: &str,
    method: Method,
    body: &Body,
    headers: &[(String, String)],
    controller: &web_sys::AbortController,
) -> Result<gloo_net::http::Request, String> {
    let init = web_sys::RequestInit::new();
    init.set_method(method.as_str());
    init.set_signal(Some(&controller.signal()));
    // Every poll asks Flink again: the History Server allows caching its answers for 5 minutes,
    // which would hide newly archived jobs from the list.
    init.set_cache(web_sys::RequestCache::NoStore);
    let header_set = web_sys::Headers::new().map_err(|_| "Headers are unavailable".to_string())?;
    let set = |name: &str, value: &str| header_set.set(name, value).map_err(|_| format!("the header {name:?} is not valid"));
    for (name, value) in headers {
        set(name, value)?;
    }
    match body {
        Body::None => {}
        Body::Json(value) => {
            set("Content-Type", "application/json")?;
            init.set_body(&wasm_bindgen::JsValue::from_str(&value.to_string()));
        }
        Body::Jar { file_name, bytes } => init.set_body(&jar_form(file_name, bytes)?.into()),
    }
    init.set_headers(&header_set);
    let request = web_sys::Request::new_with_str_and_init(url, &init).map_err(|e| {
        e.as_string()
            .or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()))
            .unwrap_or_else(|| "the request could not be made".to_string())
    })?;
    Ok(gloo_net::http::Request::from(request))
}

#[cfg(target_arch = "wasm32")]
fn jar_form(file_name: &str, bytes: &[u8]) -> Result<web_sys::FormData, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/x-java-archive");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| "could not wrap the jar in a Blob".to_string())?;
    let form = web_sys::FormData::new().map_err(|_| "FormData is unavailable".to_string())?;
    form.append_with_blob_and_filename("jarfile", &blob, file_name)
        .map_err(|_| "could not add the jar to the form".to_string())?;
    Ok(form)
}

/// Outside WebAssembly there is no `fetch`: the client's requests and decoding are still usable
/// (and tested) on the host, but sending is not.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) async fn send(
    url: &str,
    _method: Method,
    _body: &Body,
    _headers: &[(String, String)],
    _timeout_ms: u32,
) -> Result<Response, ClientError> {
    Err(ClientError::Network {
        url: url.to_string(),
        message: "sending needs a WebAssembly host with fetch (browser or Node)".into(),
    })
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) async fn stream(
    url: &str,
    _headers: &[(String, String)],
    _idle_ms: u32,
    _on_chunk: &mut dyn FnMut(&[u8]),
) -> Result<u64, ClientError> {
    Err(ClientError::Network { url: url.to_string(), message: "reading needs a WebAssembly host with fetch (browser or Node)".into() })
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) async fn send_with_progress(
    url: &str,
    method: Method,
    body: &Body,
    headers: &[(String, String)],
    idle_ms: u32,
    _on_progress: Box<dyn Fn(u64, u64)>,
) -> Result<Response, ClientError> {
    send(url, method, body, headers, idle_ms).await
}

/// Waits without blocking the event loop.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn sleep_ms(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) async fn sleep_ms(_ms: u32) {}

/// Milliseconds since the epoch.
pub(crate) fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs_f64() * 1000.0)
            .unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_of<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> String {
        match decode_json::<T>("u", text) {
            Err(ClientError::Decode { path, .. }) => path,
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Vertex {
        id: crate::client::VertexId,
        #[serde(default)]
        n: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Job {
        vertices: Vec<Vertex>,
    }

    const NGINX_502: &str = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n";

    #[test]
    fn a_proxys_5xx_without_flinks_error_body_means_flink_is_unreachable() {
        let url = "/api/jobs/overview";
        let cases = [(502, NGINX_502), (500, ""), (503, "Service Unavailable"), (504, NGINX_502), (500, r#"{"message":"no upstream"}"#)];
        for (status, body) in cases {
            let e = http_error(url, status, body);
            assert_eq!(e, ClientError::Unreachable { url: url.into(), status }, "{status} {body:?}");
            assert_eq!((e.kind(), e.status()), ("unreachable", Some(status)));
            assert!(e.is_unreachable());
            assert!(!e.is_not_found());
            assert_eq!((e.messages(), e.flink_message()), (vec![], None), "the proxy's page is not Flink's message");
        }
        assert_eq!(
            http_error(url, 502, NGINX_502).to_string(),
            "Flink unreachable (the proxy answered 502 Bad Gateway for /api/jobs/overview). \
             Check that the JobManager is running and that the proxy forwards to it."
        );
        assert!(http_error(url, 500, "").to_string().starts_with("Flink unreachable (the proxy answered 500 Internal Server Error for /api/jobs/overview)."));
    }

    #[test]
    fn flinks_own_error_body_stays_an_error_from_flink_whatever_the_status() {
        let url = "/api/jobs/00/status";
        let body = r#"{"errors":["Internal server error.","<Exception on server side:\norg.apache.flink.runtime.messages.FlinkJobNotFoundException: Could not find Flink job (00)\n\tat a.b"]}"#;
        let e = http_error(url, 500, body);
        assert_eq!((e.kind(), e.status(), e.is_unreachable()), ("http", Some(500), false));
        assert!(e.is_not_found());
        assert_eq!(e.to_string(), "Flink answered 500 for /api/jobs/00/status: Could not find Flink job (00)");
        // Flink's answer during a leader election.
        let election = http_error(url, 503, r#"{"errors":["Service temporarily unavailable due to an ongoing leader election. Please refresh."]}"#);
        assert_eq!((election.kind(), election.is_unreachable()), ("http", false));
        assert_eq!(http_error(url, 500, r#"{"errors":[]}"#).kind(), "http");
    }

    #[test]
    fn other_statuses_keep_the_body_as_the_message() {
        let url = "/api/x";
        for status in [400, 404, 501, 505, 599] {
            let e = http_error(url, status, NGINX_502);
            assert_eq!((e.kind(), e.is_unreachable()), ("http", false), "{status}");
            assert_eq!(e.messages(), vec![NGINX_502.to_string()]);
        }
        assert_eq!(http_error(url, 404, "").messages(), Vec::<String>::new());
    }

    #[test]
    fn no_answer_at_all_is_unreachable_too() {
        assert!(ClientError::Network { url: "u".into(), message: "Failed to fetch".into() }.is_unreachable());
        assert!(ClientError::Timeout { url: "u".into(), after_ms: 10_000 }.is_unreachable());
        assert!(!ClientError::InvalidInput("x".into()).is_unreachable());
        assert!(!ClientError::Decode { url: "u".into(), path: ".".into(), message: "m".into() }.is_unreachable());
    }

    #[test]
    fn a_body_becomes_text_as_fetch_makes_it() {
        assert_eq!(body_text(b"{\"a\":1}".to_vec()), "{\"a\":1}");
        assert_eq!(body_text("\u{feff}{}".as_bytes().to_vec()), "{}", "the byte-order mark goes");
        assert_eq!(body_text(b"a\xffb".to_vec()), "a\u{fffd}b", "invalid UTF-8 is replaced");
        assert_eq!(body_text("\u{e9}t\u{e9}".as_bytes().to_vec()), "\u{e9}t\u{e9}");
    }

    #[test]
    fn halves_of_surrogate_pairs_become_the_replacement_character() {
        let cases = [
            (r#"{"n":"a\ud800b"}"#, r#"{"n":"a\uFFFDb"}"#),
            (r#"{"n":"\uDC00\uD800"}"#, r#"{"n":"\uFFFD\uFFFD"}"#),
            (r#"{"n":"\ud83d\ude00 \\ud800 \u00e9"}"#, r#"{"n":"\ud83d\ude00 \\ud800 \u00e9"}"#),
            (r#"{"n":"\ud800"#, r#"{"n":"\uFFFD"#),
            (r#"{"n":"é\"#, r#"{"n":"é\"#),
        ];
        for (raw, fixed) in cases {
            assert_eq!(without_lone_surrogates(raw), fixed, "{raw}");
            assert_eq!(raw.len(), fixed.len());
        }
        #[derive(serde::Deserialize)]
        struct Named {
            n: String,
        }
        let named: Named = decode_json("/x", r#"{"n":"half \ud800 pair \ud83d\ude00"}"#).unwrap();
        assert_eq!(named.n, "half \u{FFFD} pair \u{1F600}");
    }

    #[test]
    fn decode_errors_name_the_field() {
        assert_eq!(path_of::<Job>(r#"{"vertices":[{"id":"nope"}]}"#), "vertices[0].id");
        assert_eq!(path_of::<Job>(r#"{"vertices":[{"id":"nope","n":1}]}"#), "vertices[0].id");
        assert_eq!(path_of::<Job>(r#"{"vertices":[{"n":"x"}]}"#), "vertices[0].n");
        assert_eq!(path_of::<Job>(r#"{"vertices":[{"n":1}]}"#), "vertices[0]");
        assert_eq!(path_of::<Job>("{\n  \"vertices\": [\n    {\"n\": true}\n  ]\n}"), "vertices[0].n");
        assert_eq!(path_of::<Job>("[]"), ".");
        assert_eq!(path_of::<Job>("not json"), ".");
    }
}
