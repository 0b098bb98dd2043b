//! What every tab list shares.

/// Left and right arrows move the focus between tabs, as in any tab list.
pub fn move_focus_in_tabs(ev: web_sys::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let Some(current) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let next = match ev.key().as_str() {
        "ArrowRight" => current.next_element_sibling(),
        "ArrowLeft" => current.previous_element_sibling(),
        _ => return,
    };
    if let Some(next) = next.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = next.focus();
    }
}
