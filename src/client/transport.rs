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

/// Flink's error body is `{"errors": [...]}`; anything else is kept as one (shortened) message.
pub fn http_error(url: &str, status: u16, text: &str) -> ClientError {
    #[derive(serde::Deserialize)]
    struct Errors {
        errors: Vec<String>,
    }
    let messages = match serde_json::from_str::<Errors>(text) {
        Ok(e) => e.errors,
        Err(_) if text.trim().is_empty() => Vec::new(),
        Err(_) => vec![text.chars().take(500).collect()],
    };
    ClientError::Http { url: url.to_string(), status, messages }
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
    use gloo_net::http::{Method as M, RequestBuilder};

    let network = |message: String| ClientError::Network { url: url.to_string(), message };
    let controller = web_sys::AbortController::new().map_err(|_| network("AbortController is unavailable".into()))?;
    let method = match method {
        Method::Get => M::GET,
        Method::Post => M::POST,
        Method::Put => M::PUT,
        Method::Patch => M::PATCH,
        Method::Delete => M::DELETE,
    };
    let mut builder = RequestBuilder::new(url).method(method).abort_signal(Some(&controller.signal()));
    for (name, value) in headers {
        builder = builder.header(name, value);
    }
    let built = match body {
        Body::None => builder.build(),
        Body::Json(value) => builder.header("Content-Type", "application/json").body(value.to_string()),
        Body::Jar { file_name, bytes } => builder.body(jar_form(file_name, bytes).map_err(network)?),
    }
    .map_err(|e| network(e.to_string()))?;

    let exchange = async move {
        let response = built.send().await.map_err(|e| network(e.to_string()))?;
        let status = response.status();
        let text = response.text().await.map_err(|e| network(e.to_string()))?;
        Ok(Response { status, text })
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
