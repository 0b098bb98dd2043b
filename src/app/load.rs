//! The one loading state of the console: data fetched from Flink, polled (`poll::use_poll`) or
//! fetched once (`load_once`), is a `Loadable`, and `components::Loaded` shows it.
use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::context::{Health, Resource};
use crate::client::ClientError;

/// Data from Flink as a page reads it: the last good value, the last error (cleared on
/// success), and a way to ask for a fetch now.
pub struct Loadable<T: 'static> {
    /// The last good value; `None` until Flink first answers.
    pub data: RwSignal<Option<T>>,
    /// The last attempt's error, cleared by the next success.
    pub error: RwSignal<Option<ClientError>>,
    /// Bumped to ask a poll for a fetch now (after an action) instead of at the next tick.
    pub refresh: RwSignal<u32>,
    /// What `Health` knows this data by.
    resource: Resource,
}

impl<T: 'static> Clone for Loadable<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Loadable<T> {}

/// Where a `Loadable` is: what `Loaded` shows for it.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Nothing yet, no error yet.
    Loading,
    /// Nothing yet, and the last attempt failed.
    Failed(ClientError),
    /// Data is there; `stale` when the last attempt failed, so it may be out of date.
    Ready {
        /// The data on screen is older than the last (failed) attempt.
        stale: bool,
    },
}

impl<T: Send + Sync + 'static> Default for Loadable<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Send + Sync + 'static> Loadable<T> {
    /// Nothing loaded yet: what a hook starts from, and what a test fills by hand. When the
    /// component that made it goes, its failures leave the connection's health with it.
    pub fn new() -> Self {
        let resource = Resource::new();
        if let Some(health) = use_context::<Health>() {
            on_cleanup(move || health.forget(resource));
        }
        Self { data: RwSignal::new(None), error: RwSignal::new(None), refresh: RwSignal::new(0), resource }
    }

    /// Data already there: for tests and for pages that are handed their data.
    pub fn ready(value: T) -> Self {
        let loadable = Self::new();
        loadable.data.set(Some(value));
        loadable
    }

    /// The state, tracked.
    pub fn state(&self) -> LoadState {
        match (self.data.with(Option::is_some), self.error.get()) {
            (true, error) => LoadState::Ready { stale: error.is_some() },
            (false, Some(e)) => LoadState::Failed(e),
            (false, None) => LoadState::Loading,
        }
    }

    /// There is data, but the last attempt to refresh it failed.
    pub fn stale(&self) -> bool {
        self.error.with(Option::is_some) && self.data.with(Option::is_some)
    }

    /// Asks for a fetch now; nothing once the component that made it is gone.
    pub fn refresh_now(&self) {
        self.refresh.try_update(|n| *n = n.wrapping_add(1));
    }

    /// Takes an attempt's result: a value replaces the data and clears the error; an error is
    /// kept beside the last good data. Both tell the connection's health, for this data alone.
    /// An answer for a component already gone (a `load_once` that outlived its page) is dropped.
    pub(crate) fn settle(&self, result: Result<T, ClientError>, health: Option<Health>) {
        if self.error.is_disposed() {
            return;
        }
        if let Some(h) = health {
            h.report(self.resource, result.as_ref().map(|_| ()));
        }
        match result {
            Ok(value) => {
                self.data.try_set(Some(value));
                self.error.try_set(None);
            }
            Err(e) => {
                self.error.try_set(Some(e));
            }
        }
    }
}

/// Fetches once, for what does not change while the page is open (job configuration, plan,
/// checkpoint configuration and details).
pub fn load_once<T, Fut>(fetch: Fut) -> Loadable<T>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<T, ClientError>> + 'static,
{
    let loadable = Loadable::new();
    let health = use_context::<Health>();
    spawn_local(async move {
        let result = fetch.await;
        loadable.settle(result, health);
    });
    loadable
}
