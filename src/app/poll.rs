//! The one polling hook. Each `use_poll` runs a single loop, so requests for a resource never
//! overlap; it skips fetching while the tab is hidden or auto-refresh is paused, backs off while
//! Flink is unreachable, and keeps the last good data on screen (marked stale) meanwhile.
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::context::{Health, RefreshControl};
use super::load::Loadable;
use crate::client::ClientError;

const STEP_MS: u32 = 250;
const MAX_BACKOFF_MS: u32 = 60_000;

/// Polls `fetch` every refresh interval (Flink's `/config`, 3 s by default) while the calling
/// component lives.
pub fn use_poll<T, F, Fut>(fetch: F) -> Loadable<T>
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    let poll = Loadable::new();
    let control = use_context::<RefreshControl>();
    let health = use_context::<Health>();
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    spawn_local(async move {
        let mut failures = 0u32;
        while alive.load(Ordering::Relaxed) {
            let seen_refresh = poll.refresh.try_get_untracked().unwrap_or(0);
            let result = fetch().await;
            if !alive.load(Ordering::Relaxed) {
                break;
            }
            failures = if result.is_ok() { 0 } else { failures.saturating_add(1) };
            poll.settle(result, health);
            let interval = control.map(|c| c.interval_ms()).unwrap_or(3_000);
            let wait = interval.saturating_mul(1 << failures.min(5)).min(MAX_BACKOFF_MS.max(interval));
            wait_until_due(&alive, wait, poll.refresh, seen_refresh, control).await;
        }
    });
    poll
}

/// Sleeps in small steps until `wait_ms` has passed with the tab visible and refresh not paused,
/// or until someone asks for a refresh.
async fn wait_until_due(alive: &AtomicBool, wait_ms: u32, refresh: RwSignal<u32>, seen: u32, control: Option<RefreshControl>) {
    let mut waited = 0u32;
    while alive.load(Ordering::Relaxed) {
        if refresh.try_get_untracked().is_some_and(|n| n != seen) {
            return;
        }
        let paused = control.is_some_and(|c| c.paused.try_get_untracked().unwrap_or(false));
        if !paused && !document_hidden() {
            if waited >= wait_ms {
                return;
            }
            waited += STEP_MS;
        }
        gloo_timers::future::TimeoutFuture::new(STEP_MS).await;
    }
}

fn document_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}
