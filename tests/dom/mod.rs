//! What the browser component tests share: mounting a view into the page with the console's
//! real stylesheets (so sizes and scrolling are what users get), waiting a tick, running JS.
#![allow(dead_code)]

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mounts `view` into a fresh element and returns that element. Loads the console's CSS once,
/// and closes any modal an earlier test left open (it would make this one's content inert).
pub fn mount<V: IntoView + 'static>(view: impl FnOnce() -> V + 'static) -> web_sys::HtmlElement {
    let document = document();
    js(&document.document_element().unwrap(), "el.querySelectorAll('dialog').forEach(d => d.open && d.close())");
    if document.get_element_by_id("console-css").is_none() {
        let style = document.create_element("style").unwrap();
        style.set_id("console-css");
        style.set_text_content(Some(concat!(
            include_str!("../../style/main.css"),
            include_str!("../../style/lists.css"),
            include_str!("../../style/job.css"),
        )));
        document.head().unwrap().append_child(&style).unwrap();
    }
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    std::mem::forget(leptos::mount::mount_to(host.clone(), view));
    host
}

/// Lets effects and timers of the mounted views run.
pub async fn tick() {
    gloo_timers::future::TimeoutFuture::new(20).await;
}

/// Runs `body` as JavaScript with `el` bound to `element`.
pub fn js(element: &web_sys::Element, body: &str) -> JsValue {
    js_sys::Function::new_with_args("el", body).call1(&JsValue::NULL, element).unwrap()
}
