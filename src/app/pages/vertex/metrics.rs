//! The metrics tab: every metric Flink keeps for the vertex's subtasks (`…/vertices/{v}/metrics`,
//! names like `0.numRecordsIn`), found by a filter; the picked ones are polled together in one
//! request and drawn as small charts over the time the tab is open. Nothing is stored: closing
//! the tab forgets the samples, as Flink's UI does.
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::VertexContext;
use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::load::load_once;
use crate::app::pages::job::chart::{Sample, series};
use crate::app::poll::use_poll;
use crate::client::Metric;
use crate::client::request::MetricScope;

/// At most this many metrics are charted at once (one request asks for all of them).
pub const MAX_PICKED: usize = 8;
/// Each chart keeps this many samples: at a 3 s refresh, the last six minutes.
pub const MAX_SAMPLES: usize = 120;
/// The list shows this many matches; the filter narrows the rest.
pub const MAX_LISTED: usize = 200;

const WIDTH: f64 = 300.0;
const HEIGHT: f64 = 60.0;

/// The names matching every word of `filter` (case-insensitive), at most `limit`, and how many
/// matched in all. Names where every word starts a part of the name (`42.num` finds
/// `42.numRecordsIn` before `142.numRecordsIn`) come first; then subtasks in number order
/// (`2.` before `10.`), then by name.
pub fn matching(names: &[String], filter: &str, limit: usize) -> (Vec<String>, usize) {
    let words: Vec<String> = filter.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<(bool, u32, &String)> = names
        .iter()
        .filter_map(|name| {
            let lower = name.to_lowercase();
            let found = words.iter().map(|w| at_part_start(&lower, w)).collect::<Option<Vec<bool>>>()?;
            let subtask = name.split_once('.').and_then(|(n, _)| n.parse::<u32>().ok()).unwrap_or(u32::MAX);
            Some((!found.iter().all(|&start| start), subtask, name))
        })
        .collect();
    found.sort();
    let total = found.len();
    (found.into_iter().take(limit).map(|(_, _, name)| name.clone()).collect(), total)
}

/// Whether `word` is in `name` (`None` if not), and if so whether one of its places starts a
/// part: the name's start, or right after a `.`.
fn at_part_start(name: &str, word: &str) -> Option<bool> {
    let mut places = name.match_indices(word).map(|(i, _)| i).peekable();
    places.peek()?;
    Some(places.any(|i| i == 0 || name.get(..i).is_some_and(|head| head.ends_with('.'))))
}

/// Adds one answer to the charts' samples: a value per picked metric (`None` where Flink sent
/// none or not a number), the oldest dropped past `cap`, and metrics no longer picked forgotten.
pub fn record(history: &mut BTreeMap<String, Vec<Sample>>, tick: u64, answer: &[Metric], picked: &[String], cap: usize) {
    history.retain(|name, _| picked.contains(name));
    for name in picked {
        let value = answer.iter().find(|m| &m.id == name).and_then(|m| m.value.as_deref()).and_then(|v| v.trim().parse::<f64>().ok());
        let samples = history.entry(name.clone()).or_default();
        samples.push(Sample { id: tick, value: value.filter(|v| v.is_finite()) });
        if samples.len() > cap {
            samples.drain(..samples.len() - cap);
        }
    }
}

/// Picks a metric, or unpicks it; at most [`MAX_PICKED`] are picked.
pub fn toggle(picked: &mut Vec<String>, name: &str) {
    if let Some(i) = picked.iter().position(|p| p == name) {
        picked.remove(i);
    } else if picked.len() < MAX_PICKED {
        picked.push(name.to_string());
    }
}

#[component]
pub fn MetricsTab() -> impl IntoView {
    let VertexContext { job, vertex, .. } = expect_context::<VertexContext>();
    let client = expect_context::<Cluster>().client;
    let scope = MetricScope::Vertex(job, vertex);
    let list = {
        let (client, scope) = (client.clone(), scope.clone());
        load_once(async move { client.request_metric_query_service_addresses(&scope, &[]).await })
    };
    let names = Signal::derive(move || list.data.with(|l| l.as_ref().map(|l| l.iter().map(|m| m.id.clone()).collect()).unwrap_or_default()));
    let picked = RwSignal::new(Vec::<String>::new());
    let values = use_poll(move || {
        let (client, scope, names) = (client.clone(), scope.clone(), picked.get_untracked());
        async move { if names.is_empty() { Ok(Vec::new()) } else { client.request_metric_query_service_addresses(&scope, &names).await } }
    });
    // A metric picked is asked for at once, not at the next tick.
    Effect::new(move |before: Option<usize>| {
        let now = picked.with(Vec::len);
        if before.is_some_and(|b| b != now) {
            values.refresh_now();
        }
        now
    });
    let history = RwSignal::new(BTreeMap::<String, Vec<Sample>>::new());
    let tick = StoredValue::new(0_u64);
    Effect::new(move |_| {
        values.data.with(|answer| {
            let Some(answer) = answer else { return };
            tick.update_value(|t| *t += 1);
            let picked = picked.get_untracked();
            history.update(|h| record(h, tick.get_value(), answer, &picked, MAX_SAMPLES));
        });
    });
    view! {
        <Loaded data=list loading="Loading the vertex's metrics…">
            <section class="panel metrics-tab">
                <MetricPicker names picked />
                <MetricCharts history picked />
            </section>
        </Loaded>
    }
}

/// The filter and the matching names, each a toggle button.
#[component]
pub fn MetricPicker(#[prop(into)] names: Signal<Vec<String>>, picked: RwSignal<Vec<String>>) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let shown = Memo::new(move |_| names.with(|n| filter.with(|f| matching(n, f, MAX_LISTED))));
    let status = move || {
        let (list, total) = shown.get();
        let all = names.with(Vec::len);
        let more = if total > list.len() { format!(", the first {} shown", list.len()) } else { String::new() };
        format!("{total} of {all} metrics{more} · {} of {MAX_PICKED} charted", picked.with(Vec::len))
    };
    view! {
        <label class="metric-filter">"Filter metrics "
            <input type="search" placeholder="e.g. numRecordsIn" prop:value=move || filter.get() on:input=move |e| filter.set(event_target_value(&e)) />
        </label>
        <p class="hint" role="status">{status}</p>
        <ul class="metric-list" aria-label="Metrics of the vertex">
            {move || shown.get().0.into_iter().map(|name| {
                let on = {
                    let name = name.clone();
                    move || picked.with(|p| p.contains(&name)).to_string()
                };
                let click = name.clone();
                view! {
                    <li><button type="button" class="metric-name" aria-pressed=on on:click=move |_| picked.update(|p| toggle(p, &click))>{name}</button></li>
                }
            }).collect_view()}
        </ul>
    }
}

/// A small chart per picked metric, with its latest value.
#[component]
pub fn MetricCharts(history: RwSignal<BTreeMap<String, Vec<Sample>>>, picked: RwSignal<Vec<String>>) -> impl IntoView {
    let charts = move || {
        let names = picked.get();
        if names.is_empty() {
            return view! { <p class="empty">"Pick a metric above to chart it while this tab is open."</p> }.into_any();
        }
        names
            .into_iter()
            .map(|name| {
                let samples = Memo::new({
                    let name = name.clone();
                    move |_| history.with(|h| h.get(&name).cloned().unwrap_or_default())
                });
                let latest = move || samples.with(|s| s.iter().rev().find_map(|s| s.value)).map_or_else(|| "–".into(), number);
                let line = move || {
                    let s = samples.with(|s| series(s, WIDTH, HEIGHT));
                    s.points.iter().map(|p| format!("{:.1},{:.1}", p.x, p.y)).collect::<Vec<_>>().join(" ")
                };
                let label = {
                    let name = name.clone();
                    move || {
                        let s = samples.get();
                        let max = s.iter().filter_map(|s| s.value).fold(f64::NEG_INFINITY, f64::max);
                        let top = if max.is_finite() { number(max) } else { "–".into() };
                        format!("{name}: {} samples, up to {top}", s.len())
                    }
                };
                let remove = name.clone();
                view! {
                    <figure class="chart metric-chart">
                        <figcaption>
                            <span class="metric-name">{name.clone()}</span>
                            <strong class="metric-value">{latest}</strong>
                            <button type="button" class="link" aria-label=format!("Remove {name}") on:click=move |_| picked.update(|p| toggle(p, &remove))>"×"</button>
                        </figcaption>
                        <svg viewBox=format!("0 -2 {WIDTH} {}", HEIGHT + 4.0) role="img" aria-label=label>
                            <line class="axis" x1="0" y1=HEIGHT x2=WIDTH y2=HEIGHT />
                            <polyline points=line />
                        </svg>
                    </figure>
                }
            })
            .collect_view()
            .into_any()
    };
    view! { <div class="metric-charts" aria-label="Charts">{charts}</div> }
}

/// A metric value for people: integers as such, others with up to three decimals.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{v:.0}") } else { format!("{v:.3}").trim_end_matches('0').trim_end_matches('.').to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metric(id: &str, value: &str) -> Metric {
        Metric { id: id.into(), value: Some(value.into()) }
    }

    #[test]
    fn the_filter_matches_every_word_in_any_case_and_caps_the_list() {
        let names: Vec<String> = ["1.numRecordsIn", "0.numRecordsIn", "0.numRecordsOut", "0.Shuffle.Netty.Input.Buffers.inPoolUsage"].map(String::from).to_vec();
        assert_eq!(matching(&names, "numrecordsin", 10), (vec!["0.numRecordsIn".to_string(), "1.numRecordsIn".to_string()], 2));
        assert_eq!(matching(&names, "0. netty", 10).1, 1);
        assert_eq!(matching(&names, "", 3), (vec!["0.Shuffle.Netty.Input.Buffers.inPoolUsage".into(), "0.numRecordsIn".into(), "0.numRecordsOut".into()], 4));
    }

    #[test]
    fn names_where_the_words_start_a_part_lead_then_subtasks_in_number_order() {
        let names: Vec<String> = ["142.numRecordsIn", "42.numRecordsIn", "10.numRecordsIn", "2.numRecordsIn", "x.inPoolUsage"].map(String::from).to_vec();
        let (found, total) = matching(&names, "42.num", 10);
        assert_eq!((found, total), (vec!["42.numRecordsIn".to_string(), "142.numRecordsIn".to_string()], 2));
        let (found, _) = matching(&names, "records", 10);
        assert_eq!(found, ["2.numRecordsIn", "10.numRecordsIn", "42.numRecordsIn", "142.numRecordsIn"]);
        assert_eq!(matching(&names, "pool", 10).0, ["x.inPoolUsage"]);
    }

    #[test]
    fn samples_are_kept_per_picked_metric_capped_and_forgotten_when_unpicked() {
        let picked = vec!["a".to_string(), "b".to_string()];
        let mut h = BTreeMap::new();
        record(&mut h, 1, &[metric("a", "1"), metric("b", "x")], &picked, 2);
        record(&mut h, 2, &[metric("a", "2.5")], &picked, 2);
        record(&mut h, 3, &[metric("a", "NaN"), metric("b", "4")], &picked, 2);
        let values = |k: &str| h[k].iter().map(|s: &Sample| (s.id, s.value)).collect::<Vec<_>>();
        assert_eq!(values("a"), [(2, Some(2.5)), (3, None)]);
        assert_eq!(values("b"), [(2, None), (3, Some(4.0))]);
        record(&mut h, 4, &[], &["b".to_string()], 2);
        assert!(!h.contains_key("a"));
    }

    #[test]
    fn at_most_eight_are_picked_and_a_second_click_unpicks() {
        let mut picked = Vec::new();
        for i in 0..10 {
            toggle(&mut picked, &format!("m{i}"));
        }
        assert_eq!(picked.len(), MAX_PICKED);
        toggle(&mut picked, "m0");
        assert!(!picked.contains(&"m0".to_string()));
        assert_eq!((number(3.0), number(0.12345), number(2.5)), ("3".into(), "0.123".into(), "2.5".into()));
    }
}
