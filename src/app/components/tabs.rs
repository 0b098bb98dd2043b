//! The tab list of a page with tabs (the job page, the vertex page): links with the tab in the
//! URL, `aria-selected` on the open one, arrow keys between them.
use leptos::prelude::*;
use leptos_router::components::A;

/// A page's tabs as an enum: each variant's URL segment and label. The first is the page's own
/// path and what an unknown segment opens, so an old or mistyped link still lands on the page.
macro_rules! page_tabs {
    ($(#[$meta:meta])* $name:ident { $first:ident = ($first_segment:literal, $first_label:literal) $(, $tab:ident = ($segment:literal, $label:literal))* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $first,
            $($tab),*
        }

        impl $name {
            /// Every tab, in the order the tab list shows them.
            pub const ALL: &'static [$name] = &[Self::$first, $(Self::$tab),*];

            /// The tab named by the URL's last segment; anything unknown is the first.
            pub fn from_segment(segment: Option<&str>) -> Self {
                Self::ALL.iter().copied().find(|t| Some(t.segment()) == segment).unwrap_or(Self::$first)
            }

            /// The tab's last segment in the URL.
            pub fn segment(self) -> &'static str {
                match self {
                    Self::$first => $first_segment,
                    $(Self::$tab => $segment),*
                }
            }

            /// The tab's name in the tab list.
            pub fn label(self) -> &'static str {
                match self {
                    Self::$first => $first_label,
                    $(Self::$tab => $label),*
                }
            }

            /// The tab's path under the page's path `page`: the first tab is the page's path.
            pub fn under(self, page: &str) -> String {
                match self {
                    Self::$first => page.to_string(),
                    other => format!("{page}/{}", other.segment()),
                }
            }
        }
    };
}
pub(crate) use page_tabs;

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

#[cfg(test)]
mod tests {
    page_tabs!(Sample { Home = ("home", "Home"), Logs = ("logs", "Logs"), ThreadDump = ("thread-dump", "Thread dump") });

    #[test]
    fn each_tab_is_found_again_from_its_path_and_the_first_is_the_page_itself() {
        assert_eq!(Sample::Home.under("/p"), "/p");
        assert_eq!(Sample::ThreadDump.under("/p"), "/p/thread-dump");
        for &tab in Sample::ALL {
            let path = tab.under("/p");
            assert_eq!(Sample::from_segment(path.strip_prefix("/p/")), tab, "{path}");
        }
        assert_eq!(Sample::from_segment(Some("nonsense")), Sample::Home);
        assert_eq!(Sample::Logs.label(), "Logs");
    }
}
