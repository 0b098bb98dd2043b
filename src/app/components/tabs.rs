//! The tab list of a page with tabs (the job page, the vertex page): links with the tab in the
//! URL, `aria-selected` on the open one, arrow keys between them.
use leptos::prelude::*;
use leptos_router::components::A;

/// Tabs as links: each `(tab, href, label)`; `open` is the tab the URL names.
#[component]
pub fn TabList<T>(label: &'static str, tabs: Vec<(T, String, &'static str)>, open: Memo<T>) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <nav class="tabs" role="tablist" aria-label=label on:keydown=move_focus_in_tabs>
            {tabs.into_iter().map(|(t, path, name)| view! {
                <A href=path exact=true {..} role="tab" aria-selected=move || (open.get() == t).to_string()>{name}</A>
            }).collect_view()}
        </nav>
    }
}

/// Left and right arrows move the focus between tabs, as in any tab list.
fn move_focus_in_tabs(ev: web_sys::KeyboardEvent) {
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
