//! The overview tab: the task manager's facts, its memory model as Flink configured it, and the
//! jobs holding its slots.
use leptos::prelude::*;
use leptos_router::components::A;

use super::TaskManagerContext;
use crate::app::{format, href};
use crate::client::TaskManagerInfo;

/// Flink's memory model, in the order of its documentation: (key in `memoryConfiguration`, label).
const MEMORY: [(&str, &str); 10] = [
    ("frameworkHeap", "Framework heap"),
    ("taskHeap", "Task heap"),
    ("frameworkOffHeap", "Framework off-heap"),
    ("taskOffHeap", "Task off-heap"),
    ("networkMemory", "Network"),
    ("managedMemory", "Managed"),
    ("jvmMetaspace", "JVM metaspace"),
    ("jvmOverhead", "JVM overhead"),
    ("totalFlinkMemory", "Total Flink memory"),
    ("totalProcessMemory", "Total process memory"),
];

/// One row of the memory model: label, bytes, and its share of the process memory (0–100).
#[derive(Clone, Debug, PartialEq)]
pub struct MemoryRow {
    pub label: String,
    pub bytes: i64,
    pub percent: u32,
}

/// The memory model's rows that Flink reported, in Flink's order; keys this console does not
/// know (a later line's) follow under their own name.
pub fn memory_rows(tm: &TaskManagerInfo) -> Vec<MemoryRow> {
    let config = &tm.memory_configuration;
    let total = config.get("totalProcessMemory").copied().filter(|t| *t > 0.0);
    let row = |label: &str, value: f64| MemoryRow {
        label: label.to_string(),
        bytes: value as i64,
        percent: total.map_or(0, |t| (value / t * 100.0).clamp(0.0, 100.0).round() as u32),
    };
    let known = MEMORY.iter().filter_map(|(key, label)| config.get(*key).map(|v| row(label, *v)));
    let unknown = config.iter().filter(|(k, _)| !MEMORY.iter().any(|(key, _)| key == k)).map(|(k, v)| row(k, *v));
    known.chain(unknown).collect()
}

/// The jobs holding slots here: (job id, slots, tasks), most slots first.
pub fn jobs_of(tm: &TaskManagerInfo) -> Vec<(String, u32, u32)> {
    let mut jobs: Vec<(String, u32, u32)> = Vec::new();
    for slot in &tm.allocated_slots {
        match jobs.iter_mut().find(|(id, ..)| *id == slot.job_id) {
            Some((_, slots, tasks)) => {
                *slots += 1;
                *tasks += slot.assigned_tasks;
            }
            None => jobs.push((slot.job_id.clone(), 1, slot.assigned_tasks)),
        }
    }
    jobs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    jobs
}

#[component]
pub fn OverviewTab() -> impl IntoView {
    let TaskManagerContext { details, .. } = expect_context::<TaskManagerContext>();
    let tm = Memo::new(move |_| details.data.get());
    move || {
        tm.get().map(|tm| {
            view! {
                <div class="tm-overview">
                    <Facts tm=tm.clone() />
                    <MemoryModel rows=memory_rows(&tm) />
                    <SlotTable jobs=jobs_of(&tm) />
                </div>
            }
        })
    }
}

#[component]
fn Facts(tm: TaskManagerInfo) -> impl IntoView {
    let hardware = tm.hardware.clone();
    let hw = move |f: fn(&crate::client::Hardware) -> String| hardware.as_ref().map_or_else(|| "–".to_string(), f);
    view! {
        <section class="panel">
            <h2>"Facts"</h2>
            <dl class="facts">
                <div><dt>"RPC address"</dt><dd>{tm.path.clone()}</dd></div>
                <div><dt>"Data port"</dt><dd>{tm.data_port.to_string()}</dd></div>
                <div><dt>"Slots"</dt><dd>{format!("{} ({} free)", tm.slots_number, tm.free_slots)}</dd></div>
                <div><dt>"CPU cores"</dt><dd>{hw(|h| h.cpu_cores.to_string())}</dd></div>
                <div><dt>"Physical memory"</dt><dd>{hw(|h| format::bytes(h.physical_memory.into()))}</dd></div>
                <div><dt>"JVM heap size"</dt><dd>{hw(|h| format::bytes(h.free_memory.into()))}</dd></div>
                <div><dt>"Managed memory"</dt><dd>{hw(|h| format::bytes(h.managed_memory.into()))}</dd></div>
            </dl>
        </section>
    }
}

/// The configured memory, each part with a bar of its share of the process memory.
#[component]
pub fn MemoryModel(rows: Vec<MemoryRow>) -> impl IntoView {
    let body = if rows.is_empty() {
        view! { <tr><td colspan="3" class="empty">"Flink reported no memory configuration."</td></tr> }.into_any()
    } else {
        rows.into_iter()
            .map(|r| {
                view! {
                    <tr>
                        <th scope="row">{r.label.clone()}</th>
                        <td class="num">{format::bytes(r.bytes.into())}</td>
                        <td class="share"><span class="bar" style:width=format!("{}%", r.percent)></span>{format!("{}%", r.percent)}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel">
            <h2>"Memory model"</h2>
            <table class="list memory-model" aria-label="Memory model">
                <thead><tr><th scope="col">"Part"</th><th scope="col" class="num">"Size"</th><th scope="col">"Of the process"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}

/// The jobs with slots here, each a link to its page.
#[component]
pub fn SlotTable(jobs: Vec<(String, u32, u32)>) -> impl IntoView {
    let body = if jobs.is_empty() {
        view! { <tr><td colspan="3" class="empty">"No job holds a slot here."</td></tr> }.into_any()
    } else {
        jobs.into_iter()
            .map(|(job, slots, tasks)| {
                let link = href(&format!("/jobs/{job}"));
                view! {
                    <tr>
                        <td><A href=link>{job}</A></td>
                        <td class="num">{slots.to_string()}</td>
                        <td class="num">{if tasks > 0 { tasks.to_string() } else { "–".into() }}</td>
                    </tr>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel">
            <h2>"Jobs on this task manager"</h2>
            <table class="list" aria-label="Jobs on this task manager">
                <thead><tr><th scope="col">"Job"</th><th scope="col" class="num">"Slots"</th><th scope="col" class="num">"Tasks"</th></tr></thead>
                <tbody>{body}</tbody>
            </table>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::AllocatedSlot;

    fn tm(memory: &[(&str, f64)], slots: &[(&str, u32)]) -> TaskManagerInfo {
        let mut t: TaskManagerInfo = serde_json::from_value(serde_json::json!({ "id": "tm" })).unwrap();
        t.memory_configuration = memory.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        t.allocated_slots = slots.iter().map(|(j, n)| AllocatedSlot { job_id: j.to_string(), assigned_tasks: *n }).collect();
        t
    }

    #[test]
    fn the_memory_model_is_in_flinks_order_with_shares_of_the_process() {
        let t = tm(&[("totalProcessMemory", 1000.0), ("taskHeap", 250.0), ("frameworkHeap", 125.0), ("newPart", 5.0)], &[]);
        let rows: Vec<_> = memory_rows(&t).into_iter().map(|r| (r.label, r.bytes, r.percent)).collect();
        assert_eq!(rows, [("Framework heap".into(), 125, 13), ("Task heap".into(), 250, 25), ("Total process memory".into(), 1000, 100), ("newPart".to_string(), 5, 1)]);
        assert!(memory_rows(&tm(&[], &[])).is_empty());
        // Without a total there is no share, and no division by zero.
        assert_eq!(memory_rows(&tm(&[("taskHeap", 10.0)], &[]))[0].percent, 0);
    }

    #[test]
    fn slots_are_counted_per_job_most_first() {
        let t = tm(&[], &[("b", 2), ("a", 1), ("b", 3)]);
        assert_eq!(jobs_of(&t), [("b".to_string(), 2, 5), ("a".to_string(), 1, 1)]);
    }
}
