//! The metrics tab: the task manager's JVM memory, buffers and network segments drawn over the
//! time the page is open, and its garbage collectors. Everything comes from the details the
//! page polls anyway: the tab asks Flink for nothing more.
use leptos::prelude::*;

use super::TaskManagerContext;
use crate::app::pages::process::jvm::{JvmCharts, JvmSample, push_sample};

#[component]
pub fn MetricsTab() -> impl IntoView {
    let TaskManagerContext { details, .. } = expect_context::<TaskManagerContext>();
    let history = RwSignal::new(Vec::<JvmSample>::new());
    let tick = StoredValue::new(0u64);
    Effect::new(move |_| {
        details.data.with(|d| {
            let Some(metrics) = d.as_ref().and_then(|d| d.metrics.as_deref()) else { return };
            tick.update_value(|t| *t += 1);
            push_sample(history, JvmSample::of_task_manager(tick.get_value(), metrics));
        });
    });
    view! { <JvmCharts history /> }
}
