//! The metrics tab: the task manager's JVM memory, buffers and network segments drawn over the
//! time the page is open, and its garbage collectors. Everything comes from the details the
//! page polls anyway: the tab asks Flink for nothing more.
use leptos::prelude::*;

use super::TaskManagerContext;
use crate::app::format;
use crate::app::pages::job::chart::{Sample, series};
use crate::client::TaskManagerMetrics;

/// Samples kept: at a 3 s refresh, the last six minutes.
pub const MAX_SAMPLES: usize = 120;
const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 60.0;

/// One poll's figures, as the charts need them.
#[derive(Clone, Debug, PartialEq)]
pub struct JvmSample {
    pub tick: u64,
    pub metrics: TaskManagerMetrics,
}

/// What each chart shows: label, used, and the most it may be (`None`: no limit reported).
type Quantity = (&'static str, fn(&TaskManagerMetrics) -> i64, fn(&TaskManagerMetrics) -> Option<i64>, bool);

const QUANTITIES: [Quantity; 5] = [
    ("Heap", |m| m.heap_used, |m| positive(m.heap_max), true),
    ("Non-heap", |m| m.non_heap_used, |m| positive(m.non_heap_max), true),
    ("Direct buffers", |m| m.direct_used, |m| positive(m.direct_max), true),
    ("Mapped buffers", |m| m.mapped_used, |m| positive(m.mapped_max), true),
    ("Network segments", |m| m.netty_shuffle_memory_segments_used, |m| positive(m.netty_shuffle_memory_segments_total), false),
];

/// Flink reports an unknown maximum as -1 (a JVM without a non-heap limit).
fn positive(n: i64) -> Option<i64> {
    (n > 0).then_some(n)
}

#[component]
pub fn MetricsTab() -> impl IntoView {
    let TaskManagerContext { details, .. } = expect_context::<TaskManagerContext>();
    let history = RwSignal::new(Vec::<JvmSample>::new());
    let tick = StoredValue::new(0u64);
    Effect::new(move |_| {
        details.data.with(|d| {
            let Some(metrics) = d.as_ref().and_then(|d| d.metrics.as_deref()) else { return };
            tick.update_value(|t| *t += 1);
            let sample = JvmSample { tick: tick.get_value(), metrics: metrics.clone() };
            history.update(|h| {
                h.push(sample);
                if h.len() > MAX_SAMPLES {
                    h.drain(..h.len() - MAX_SAMPLES);
                }
            });
        });
    });
    view! {
        <section class="panel">
            <MemoryCharts history />
            <GarbageCollectors history />
        </section>
    }
}

/// A chart per quantity: used over the samples, the latest used and its maximum.
#[component]
pub fn MemoryCharts(history: RwSignal<Vec<JvmSample>>) -> impl IntoView {
    let charts = QUANTITIES
        .into_iter()
        .map(|(label, used, max, is_bytes)| {
            let amount = move |n: i64| if is_bytes { format::bytes(n.into()) } else { n.to_string() };
            let latest = move || {
                history.with(|h| {
                    h.last().map_or_else(
                        || "–".to_string(),
                        |s| match max(&s.metrics) {
                            Some(top) => format!("{} of {}", amount(used(&s.metrics)), amount(top)),
                            None => amount(used(&s.metrics)),
                        },
                    )
                })
            };
            let line = move || {
                let samples: Vec<Sample> = history.with(|h| h.iter().map(|s| Sample { id: s.tick, value: Some(used(&s.metrics) as f64) }).collect());
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
        })
        .collect_view();
    view! { <div class="metric-charts" aria-label="JVM memory">{charts}</div> }
}

/// Each collector's runs and time since the JVM started, with what the page saw it add.
#[component]
fn GarbageCollectors(history: RwSignal<Vec<JvmSample>>) -> impl IntoView {
    let rows = move || {
        history.with(|h| {
            let (Some(first), Some(last)) = (h.first(), h.last()) else { return Vec::new() };
            last.metrics
                .garbage_collectors
                .iter()
                .map(|gc| {
                    let before = first.metrics.garbage_collectors.iter().find(|g| g.name == gc.name);
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
