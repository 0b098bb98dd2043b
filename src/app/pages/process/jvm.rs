//! A Flink process's JVM drawn over the time its page is open: a small chart per figure (heap,
//! non-heap, buffers, threads, …) and a table of the garbage collectors. Each page turns what
//! it polls into `JvmSample`s: the task manager page from its details, the job manager page
//! from its metrics.
use leptos::prelude::*;

use crate::app::format;
use crate::app::pages::job::chart::{Sample, series};
use crate::client::{GarbageCollector, Metric, TaskManagerMetrics};

/// Samples kept: at a 3 s refresh, the last six minutes.
pub const MAX_SAMPLES: usize = 120;
const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 60.0;

/// One charted quantity at one poll.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub label: &'static str,
    pub used: i64,
    /// The most it may be; `None`: no limit reported.
    pub max: Option<i64>,
    /// Bytes, or a count.
    pub bytes: bool,
}

/// One poll's figures, as the charts need them.
#[derive(Clone, Debug, PartialEq)]
pub struct JvmSample {
    pub tick: u64,
    pub figures: Vec<Figure>,
    pub collectors: Vec<GarbageCollector>,
}

/// Flink reports an unknown maximum as -1 (a JVM without a non-heap limit).
fn positive(n: i64) -> Option<i64> {
    (n > 0).then_some(n)
}

fn figure(label: &'static str, used: i64, max: i64, bytes: bool) -> Figure {
    Figure { label, used, max: positive(max), bytes }
}

impl JvmSample {
    /// What `/taskmanagers/{id}` reports of the task manager's JVM.
    pub fn of_task_manager(tick: u64, m: &TaskManagerMetrics) -> Self {
        let figures = vec![
            figure("Heap", m.heap_used, m.heap_max, true),
            figure("Non-heap", m.non_heap_used, m.non_heap_max, true),
            figure("Direct buffers", m.direct_used, m.direct_max, true),
            figure("Mapped buffers", m.mapped_used, m.mapped_max, true),
            figure("Network segments", m.netty_shuffle_memory_segments_used, m.netty_shuffle_memory_segments_total, false),
        ];
        Self { tick, figures, collectors: m.garbage_collectors.clone() }
    }

    /// The `Status.JVM.*` metrics a process reports (`JVM_METRICS` and each collector's
    /// `Count` and `Time`). A figure Flink did not answer, or answered with no number, is left
    /// out rather than drawn as zero.
    pub fn of_metrics(tick: u64, metrics: &[Metric]) -> Self {
        let value = |id: &str| metrics.iter().find(|m| m.id == id).and_then(|m| m.value.as_deref()).and_then(number);
        let figures = JVM_FIGURES
            .iter()
            .filter_map(|&(label, used, max, bytes)| {
                let max = max.and_then(value).unwrap_or(-1);
                Some(figure(label, value(used)?, max, bytes))
            })
            .collect();
        let mut collectors: Vec<GarbageCollector> = metrics
            .iter()
            .filter_map(|m| m.id.strip_prefix(GC_PREFIX)?.strip_suffix(".Count"))
            .filter(|name| *name != "All")
            .filter_map(|name| {
                let count = value(&format!("{GC_PREFIX}{name}.Count"))?;
                let time = value(&format!("{GC_PREFIX}{name}.Time")).unwrap_or(0);
                Some(GarbageCollector { name: name.to_string(), count, time })
            })
            .collect();
        collectors.sort_by(|a, b| a.name.cmp(&b.name));
        Self { tick, figures, collectors }
    }
}

/// Flink's gauges are numbers as text; some (CPU load) are fractions.
fn number(text: &str) -> Option<i64> {
    text.trim().parse::<i64>().ok().or_else(|| text.trim().parse::<f64>().ok().filter(|f| f.is_finite()).map(|f| f as i64))
}

const GC_PREFIX: &str = "Status.JVM.GarbageCollector.";

/// Label, used metric, maximum metric (`None`: no limit), bytes or a count.
const JVM_FIGURES: [(&str, &str, Option<&str>, bool); 6] = [
    ("Heap", "Status.JVM.Memory.Heap.Used", Some("Status.JVM.Memory.Heap.Max"), true),
    ("Non-heap", "Status.JVM.Memory.NonHeap.Used", Some("Status.JVM.Memory.NonHeap.Max"), true),
    ("Metaspace", "Status.JVM.Memory.Metaspace.Used", Some("Status.JVM.Memory.Metaspace.Max"), true),
    ("Direct buffers", "Status.JVM.Memory.Direct.MemoryUsed", Some("Status.JVM.Memory.Direct.TotalCapacity"), true),
    ("Mapped buffers", "Status.JVM.Memory.Mapped.MemoryUsed", Some("Status.JVM.Memory.Mapped.TotalCapacity"), true),
    ("Threads", "Status.JVM.Threads.Count", None, false),
];

/// The metric names `of_metrics` reads, from the names a process lists: the figures' and each
/// collector's count and time.
pub fn jvm_metric_names(listed: &[Metric]) -> Vec<String> {
    let wanted = |id: &str| {
        JVM_FIGURES.iter().any(|&(_, used, max, _)| id == used || Some(id) == max)
            || (id.starts_with(GC_PREFIX) && (id.ends_with(".Count") || id.ends_with(".Time")))
    };
    listed.iter().filter(|m| wanted(&m.id)).map(|m| m.id.clone()).collect()
}

/// Keeps the last `MAX_SAMPLES`.
pub fn push_sample(history: RwSignal<Vec<JvmSample>>, sample: JvmSample) {
    history.update(|h| {
        h.push(sample);
        if h.len() > MAX_SAMPLES {
            h.drain(..h.len() - MAX_SAMPLES);
        }
    });
}

/// The charts and the collectors' table.
#[component]
pub fn JvmCharts(history: RwSignal<Vec<JvmSample>>) -> impl IntoView {
    view! {
        <section class="panel">
            <MemoryCharts history />
            <GarbageCollectors history />
        </section>
    }
}

/// A chart per figure: used over the samples, the latest used and its maximum. The charts are
/// made again only when the set of figures changes, not on every sample.
#[component]
fn MemoryCharts(history: RwSignal<Vec<JvmSample>>) -> impl IntoView {
    let labels = Memo::new(move |_| history.with(|h| h.last().map(|s| s.figures.iter().map(|f| f.label).collect::<Vec<_>>()).unwrap_or_default()));
    let chart = move |label: &'static str| {
        let at = move |s: &JvmSample| s.figures.iter().find(|f| f.label == label).cloned();
        let latest = move || {
            history.with(|h| {
                h.last().and_then(at).map_or_else(
                    || "–".to_string(),
                    |f| {
                        let amount = |n: i64| if f.bytes { format::bytes(n.into()) } else { n.to_string() };
                        match f.max {
                            Some(top) => format!("{} of {}", amount(f.used), amount(top)),
                            None => amount(f.used),
                        }
                    },
                )
            })
        };
        let line = move || {
            let samples: Vec<Sample> = history.with(|h| h.iter().filter_map(|s| Some(Sample { id: s.tick, value: Some(at(s)?.used as f64) })).collect());
            series(&samples, WIDTH, HEIGHT).points.iter().map(|p| format!("{:.1},{:.1}", p.x, p.y)).collect::<Vec<_>>().join(" ")
        };
        let spoken = move || format!("{label}: {}, {} samples", latest(), history.with(Vec::len));
        view! {
            <figure class="chart metric-chart">
                <figcaption><span class="metric-name">{label}</span><strong class="metric-value">{latest}</strong></figcaption>
                <svg viewBox=format!("0 -2 {WIDTH} {}", HEIGHT + 4.0) role="img" aria-label=spoken>
                    <line class="axis" x1="0" y1=HEIGHT x2=WIDTH y2=HEIGHT />
                    <polyline points=line />
                </svg>
            </figure>
        }
    };
    view! { <div class="metric-charts" aria-label="JVM memory">{move || labels.get().into_iter().map(chart).collect_view()}</div> }
}

/// Each collector's runs and time since the JVM started, with what the page saw it add.
#[component]
fn GarbageCollectors(history: RwSignal<Vec<JvmSample>>) -> impl IntoView {
    let rows = move || {
        history.with(|h| {
            let (Some(first), Some(last)) = (h.first(), h.last()) else { return Vec::new() };
            last.collectors
                .iter()
                .map(|gc| {
                    let before = first.collectors.iter().find(|g| g.name == gc.name);
                    let added = before.map_or(0, |b| gc.count.saturating_sub(b.count));
                    (gc.name.clone(), gc.count, gc.time, added)
                })
                .collect()
        })
    };
    view! {
        <table class="list" aria-label="Garbage collectors">
            <thead>
                <tr>
                    <th scope="col">"Collector"</th>
                    <th scope="col" class="num">"Collections"</th>
                    <th scope="col" class="num">"Time"</th>
                    <th scope="col" class="num">"Since this page opened"</th>
                </tr>
            </thead>
            <tbody>
                {move || rows().into_iter().map(|(name, count, time, added)| view! {
                    <tr>
                        <td>{name}</td>
                        <td class="num">{count.to_string()}</td>
                        <td class="num">{format::duration(time.into())}</td>
                        <td class="num">{format!("+{added}")}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics(pairs: &[(&str, &str)]) -> Vec<Metric> {
        pairs.iter().map(|(id, v)| Metric { id: id.to_string(), value: Some(v.to_string()) }).collect()
    }

    #[test]
    fn metrics_become_figures_and_collectors() {
        let m = metrics(&[
            ("Status.JVM.Memory.Heap.Used", "100"),
            ("Status.JVM.Memory.Heap.Max", "400"),
            ("Status.JVM.Memory.NonHeap.Used", "50"),
            ("Status.JVM.Memory.NonHeap.Max", "-1"),
            ("Status.JVM.Threads.Count", "42"),
            ("Status.JVM.Memory.Metaspace.Used", "not a number"),
            ("Status.JVM.GarbageCollector.G1_Young_Generation.Count", "7"),
            ("Status.JVM.GarbageCollector.G1_Young_Generation.Time", "30"),
            ("Status.JVM.GarbageCollector.All.Count", "7"),
        ]);
        let s = JvmSample::of_metrics(1, &m);
        let shown: Vec<_> = s.figures.iter().map(|f| (f.label, f.used, f.max)).collect();
        assert_eq!(shown, [("Heap", 100, Some(400)), ("Non-heap", 50, None), ("Threads", 42, None)]);
        assert_eq!(s.collectors, [GarbageCollector { name: "G1_Young_Generation".into(), count: 7, time: 30 }]);
        assert!(JvmSample::of_metrics(1, &[]).figures.is_empty());
    }

    #[test]
    fn only_jvm_names_are_asked_for() {
        let listed: Vec<Metric> = ["Status.JVM.Memory.Heap.Used", "Status.JVM.CPU.Load", "numRunningJobs", "Status.JVM.GarbageCollector.G1_Old_Generation.Time", "Status.JVM.GarbageCollector.G1_Old_Generation.TimeMsPerSecond"]
            .iter()
            .map(|id| Metric { id: id.to_string(), value: None })
            .collect();
        assert_eq!(jvm_metric_names(&listed), ["Status.JVM.Memory.Heap.Used", "Status.JVM.GarbageCollector.G1_Old_Generation.Time"]);
    }
}
