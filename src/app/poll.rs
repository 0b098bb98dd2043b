//! The one polling hook. Each `use_poll` runs a single loop, so requests for a resource never
//! overlap; it skips fetching while the tab is hidden or auto-refresh is paused, asks less often
//! while the answer does not change (`Pace`), backs off while Flink is unreachable, and keeps the
//! last good data on screen (marked stale) meanwhile.
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::context::{Health, RefreshControl};
use super::load::Loadable;
use crate::client::{ClientError, Millis};

const STEP_MS: u32 = 250;
const MAX_BACKOFF_MS: u32 = 60_000;

/// One fetch-and-settle of a poll, and what it found.
type Step = Box<dyn Fn() -> Pin<Box<dyn Future<Output = Outcome>>>>;

/// What one fetch of a poll found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    Changed,
    Unchanged,
    Failed,
}

/// Polls `fetch` every refresh interval (Flink's `/config`, 3 s by default) while the calling
/// component lives.
pub fn use_poll<T, F, Fut>(fetch: F) -> Loadable<T>
where
    T: PartialEq + Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    use_poll_by(fetch, T::eq)
}

/// `use_poll` where `same` says when an answer is no news, for data in which a field moves on
/// by itself on every answer (a running job's duration, a heartbeat's time): the poll slows down
/// while nothing but those changes, and the new answer is still shown.
pub fn use_poll_by<T, F, Fut>(fetch: F, same: fn(&T, &T) -> bool) -> Loadable<T>
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    poll(fetch, same, 1)
}

/// `use_poll` at `times` the refresh interval, for data that costs Flink more to answer than
/// it is worth every interval (the job graph's metrics: a request per vertex).
pub fn use_poll_every<T, F, Fut>(times: u32, fetch: F) -> Loadable<T>
where
    T: PartialEq + Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    poll(fetch, T::eq, times)
}

fn poll<T, F, Fut>(fetch: F, same: fn(&T, &T) -> bool, times: u32) -> Loadable<T>
where
    T: Send + Sync + 'static,
    F: Fn() -> Fut + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    let poll = Loadable::new();
    let health = use_context::<Health>();
    let alive = Arc::new(AtomicBool::new(true));
    {
        let alive = alive.clone();
        on_cleanup(move || alive.store(false, Ordering::Relaxed));
    }
    // Only this step depends on `T`; the loop below is one function for every poll, so each
    // page's chunk carries its fetch, not a copy of the loop.
    let step: Step = {
        let alive = alive.clone();
        Box::new(move || {
            let (fetched, alive) = (fetch(), alive.clone());
            Box::pin(async move {
                let started = timing::now();
                let result = fetched.await;
                let outcome = match &result {
                    Err(_) => Outcome::Failed,
                    Ok(new) if poll.data.try_with_untracked(|old| old.as_ref().is_some_and(|old| same(old, new))).unwrap_or(false) => {
                        Outcome::Unchanged
                    }
                    Ok(_) => Outcome::Changed,
                };
                if alive.load(Ordering::Relaxed) {
                    poll.settle(result, health);
                    if outcome != Outcome::Failed {
                        // Leptos runs the effects `settle` woke in microtasks: one macrotask
                        // later the DOM shows the answer, so the measure covers it all.
                        gloo_timers::future::TimeoutFuture::new(0).await;
                        timing::measure("refresh", started);
                    }
                }
                outcome
            })
        })
    };
    spawn_local(run(step, alive, poll.refresh, use_context::<RefreshControl>(), times));
    poll
}

async fn run(step: Step, alive: Arc<AtomicBool>, refresh: RwSignal<u32>, control: Option<RefreshControl>, times: u32) {
    let mut pace = Pace::default();
    while alive.load(Ordering::Relaxed) {
        let seen_refresh = refresh.try_get_untracked().unwrap_or(0);
        let outcome = step().await;
        if !alive.load(Ordering::Relaxed) {
            break;
        }
        pace.record(outcome);
        let interval = control.map(|c| c.interval_ms()).unwrap_or(3_000).saturating_mul(times.max(1));
        if wait_until_due(&alive, pace.wait_ms(interval), refresh, seen_refresh, control).await {
            // Asked for after an action: follow what it changes closely again.
            pace = Pace::default();
        }
    }
}

/// How long a poll waits before its next fetch. Flink's interval while the data changes; while
/// it comes back the same, twice and then four times that, since a quiet cluster gains nothing
/// from being asked every 3 s; and while Flink is unreachable, doubling up to a minute. Any
/// change, and any refresh asked for (after an action), is fetched at once or at the interval.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Pace {
    unchanged: u32,
    failures: u32,
}

impl Pace {
    fn record(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Changed => *self = Self::default(),
            Outcome::Unchanged => *self = Self { unchanged: self.unchanged.saturating_add(1), failures: 0 },
            Outcome::Failed => self.failures = self.failures.saturating_add(1),
        }
    }

    fn wait_ms(self, interval: u32) -> u32 {
        if self.failures > 0 {
            interval.saturating_mul(1 << self.failures.min(5)).min(MAX_BACKOFF_MS.max(interval))
        } else {
            interval.saturating_mul(1 << self.unchanged.min(2))
        }
    }
}

/// Sleeps in small steps until `wait_ms` has passed with the tab visible and refresh not paused,
/// or until someone asks for a refresh (then `true`).
async fn wait_until_due(alive: &AtomicBool, wait_ms: u32, refresh: RwSignal<u32>, seen: u32, control: Option<RefreshControl>) -> bool {
    let mut waited = 0u32;
    while alive.load(Ordering::Relaxed) {
        if refresh.try_get_untracked().is_some_and(|n| n != seen) {
            return true;
        }
        let paused = control.is_some_and(|c| c.paused.try_get_untracked().unwrap_or(false));
        if !paused && !document_hidden() {
            if waited >= wait_ms {
                return false;
            }
            waited += STEP_MS;
        }
        gloo_timers::future::TimeoutFuture::new(STEP_MS).await;
    }
    false
}

/// Milliseconds since `data` last came, on the browser's clock, ticking every second: what a
/// running job's duration (Flink's, at the answer) has grown by since. Measured from the
/// answer's arrival rather than from the job's start time, so a skewed browser clock does not
/// skew the durations; and so a poll that slows down while nothing changes (`Pace`) still
/// shows durations that move.
pub fn use_elapsed<T: Send + Sync + 'static>(data: RwSignal<Option<T>>) -> Signal<i64> {
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(handle) = set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    let arrived = Memo::new(move |_| {
        data.track();
        js_sys::Date::now()
    });
    Signal::derive(move || (now.get() - arrived.get()).max(0.0) as i64)
}

/// A duration Flink measured `elapsed` ms ago, as it is now: grown by that while it still runs.
pub fn grown(duration: Millis, running: bool, elapsed: i64) -> Millis {
    match duration.get() {
        Some(d) if running => d.saturating_add(elapsed.max(0)).into(),
        _ => duration,
    }
}

/// User Timing (`performance.measure`), what `bench/big.mjs` reads: a `refresh` per poll step
/// (fetch, decode, settle, DOM update) and a `graph-layout` per job graph. Bound by hand rather
/// than through web-sys' `Performance` feature; a no-op off wasm (host tests) and where the
/// browser has no `performance`.
pub(crate) mod timing {
    #[cfg(target_arch = "wasm32")]
    mod js {
        use wasm_bindgen::prelude::*;
        #[wasm_bindgen]
        extern "C" {
            #[wasm_bindgen(catch, js_namespace = performance)]
            pub fn now() -> Result<f64, JsValue>;
            #[wasm_bindgen(catch, js_namespace = performance)]
            pub fn measure(name: &str, options: &JsValue) -> Result<JsValue, JsValue>;
        }
    }

    /// Milliseconds on the page's clock (`performance.now()`), 0 where there is none.
    #[cfg(target_arch = "wasm32")]
    pub fn now() -> f64 {
        js::now().unwrap_or(0.0)
    }

    /// A measure `name` from `start` (a `now()`) until now.
    #[cfg(target_arch = "wasm32")]
    pub fn measure(name: &str, start: f64) {
        let options = js_sys::Object::new();
        if js_sys::Reflect::set(&options, &"start".into(), &start.into()).is_ok() {
            let _ = js::measure(name, &options);
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn now() -> f64 {
        0.0
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub fn measure(_name: &str, _start: f64) {}
}

fn document_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(outcomes: &[Outcome]) -> u32 {
        let mut pace = Pace::default();
        outcomes.iter().for_each(|o| pace.record(*o));
        pace.wait_ms(3_000)
    }

    #[test]
    fn a_quiet_cluster_is_asked_less_often_and_a_change_brings_back_the_interval() {
        use Outcome::*;
        assert_eq!(after(&[Changed]), 3_000);
        assert_eq!(after(&[Changed, Unchanged]), 6_000);
        assert_eq!(after(&[Changed, Unchanged, Unchanged, Unchanged, Unchanged]), 12_000);
        assert_eq!(after(&[Unchanged, Unchanged, Changed]), 3_000);
    }

    #[test]
    fn failures_back_off_up_to_a_minute_and_recover_at_once() {
        use Outcome::*;
        assert_eq!(after(&[Failed]), 6_000);
        assert_eq!(after(&[Failed; 10]), 60_000);
        assert_eq!(after(&[Failed, Failed, Changed]), 3_000);
        // The data on screen is older than the failure: after it, the next answer is news.
        assert_eq!(after(&[Unchanged, Unchanged, Failed]), 6_000);
    }
}
