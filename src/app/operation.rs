//! The one hook for actions on Flink (savepoint, stop, checkpoint, cancel, rescale): a state
//! machine idle → running → done or failed, with the trigger id made once and reused on retry.
use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::client::{ClientError, TriggerId};

/// Where an operation is.
#[derive(Clone, Debug, PartialEq)]
pub enum OpState<T> {
    /// Not started.
    Idle,
    /// Sent; waiting for Flink.
    Running,
    /// Finished with this result.
    Done(T),
    /// Failed with this error; it can be tried again.
    Failed(ClientError),
}

/// An operation's state and the trigger id of its next attempt.
pub struct Operation<T: 'static> {
    /// What the dialog shows.
    pub state: RwSignal<OpState<T>>,
    trigger: StoredValue<Option<TriggerId>>,
}

impl<T: 'static> Clone for Operation<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: 'static> Copy for Operation<T> {}

/// A new, idle operation, owned by the calling component.
pub fn use_operation<T: Send + Sync + 'static>() -> Operation<T> {
    Operation { state: RwSignal::new(OpState::Idle), trigger: StoredValue::new(None) }
}

impl<T: Send + Sync + 'static> Operation<T> {
    /// True while an attempt is under way (tracked).
    pub fn is_running(&self) -> bool {
        self.state.with(|s| matches!(s, OpState::Running))
    }

    /// True while an attempt is under way, untracked: for event handlers.
    pub fn is_running_now(&self) -> bool {
        self.state.with_untracked(|s| matches!(s, OpState::Running))
    }

    /// True when the last attempt failed (tracked).
    pub fn has_failed(&self) -> bool {
        self.state.with(|s| matches!(s, OpState::Failed(_)))
    }

    /// The trigger id of the next attempt. A retry keeps the id, so Flink answers with the
    /// operation it may already have started instead of taking a second savepoint. After Flink
    /// itself reported the operation failed, the same id would only replay that failure
    /// (results are kept 5 min), so that retry gets a new one.
    pub fn trigger_id(&self) -> Result<TriggerId, ClientError> {
        let replay = self.state.with_untracked(|s| matches!(s, OpState::Failed(ClientError::OperationFailed { .. })));
        match self.trigger.get_value() {
            Some(id) if !replay => Ok(id),
            _ => {
                let id = TriggerId::random()?;
                self.trigger.set_value(Some(id.clone()));
                Ok(id)
            }
        }
    }

    /// Runs one attempt unless one is under way: running, then done or failed.
    pub fn run<Fut>(&self, attempt: Fut)
    where
        Fut: Future<Output = Result<T, ClientError>> + 'static,
    {
        if self.is_running_now() {
            return;
        }
        self.state.set(OpState::Running);
        let state = self.state;
        spawn_local(async move {
            let next = match attempt.await {
                Ok(value) => OpState::Done(value),
                Err(e) => OpState::Failed(e),
            };
            state.try_set(next);
        });
    }

    /// Shows a failure that happened before anything was sent (bad input, no trigger id).
    pub fn fail(&self, error: ClientError) {
        self.state.set(OpState::Failed(error));
    }
}
