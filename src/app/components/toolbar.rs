use leptos::prelude::*;

use crate::app::context::RefreshControl;

/// Pauses and resumes every poll of the console.
#[component]
pub fn RefreshToggle() -> impl IntoView {
    let control = expect_context::<RefreshControl>();
    view! {
        <button
            type="button"
            class="toggle"
            aria-pressed=move || control.paused.get().to_string()
            on:click=move |_| control.paused.update(|p| *p = !*p)
        >
            {move || if control.paused.get() { "Resume auto-refresh" } else { "Pause auto-refresh" }}
        </button>
    }
}

const THEME_KEY: &str = "flink-console-theme";

/// Light / dark / system theme, remembered in localStorage; "system" follows
/// `prefers-color-scheme` (the CSS does that when no `data-theme` is set).
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(stored_theme().unwrap_or_else(|| "system".into()));
    Effect::new(move |_| apply_theme(&theme.get()));
    let next = move || match theme.get().as_str() {
        "system" => "light",
        "light" => "dark",
        _ => "system",
    };
    view! {
        <button
            type="button"
            class="toggle"
            title="Switch between system, light and dark theme"
            on:click=move |_| theme.set(next().to_string())
        >
            {move || format!("Theme: {}", theme.get())}
        </button>
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn stored_theme() -> Option<String> {
    storage().and_then(|s| s.get_item(THEME_KEY).ok().flatten())
}

fn apply_theme(theme: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(THEME_KEY, theme);
    }
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = match theme {
            "light" | "dark" => root.set_attribute("data-theme", theme),
            _ => root.remove_attribute("data-theme"),
        };
    }
}
