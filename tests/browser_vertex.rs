//! Component tests of the vertex page's tables and the job graph's metrics, in headless
//! Chromium: 1,000 subtasks stay windowed (subtasks, data skew, timeline) and sortable; back
//! pressure, watermarks and accumulators read Flink's answers as people do; the graph colours
//! its bottleneck.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use flink_console::app::pages::job::graph::{JobGraph, layout};
use flink_console::app::pages::vertex::SubtaskTable;
use flink_console::client::{JobPlan, SubtaskInfo, VertexDetails, VertexFlow, VertexId};
use leptos::prelude::*;
use wasm_bindgen_test::*;

mod dom;
use dom::{js, mount, tick};

wasm_bindgen_test_configure!(run_in_browser);

fn all(element: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = element.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)).map(wasm_bindgen::JsCast::unchecked_into).collect()
}

fn text(element: &web_sys::Element) -> String {
    element.text_content().unwrap_or_default()
}

/// Flink 2.3's recorded vertex, with its one subtask copied `n` times on `n / 100` task managers.
fn subtasks(n: u32) -> Vec<SubtaskInfo> {
    let recorded: serde_json::Value = serde_json::from_str(include_str!("fixtures/2.3.0/vertex_detail.json")).unwrap();
    let vertex: VertexDetails = serde_json::from_value(recorded["body"].clone()).unwrap();
    let template = vertex.subtasks[0].clone();
    (0..n)
        .map(|i| {
            let mut s = template.clone();
            s.subtask = i;
            s.taskmanager_id = Some(format!("tm-{:02}", i / 100));
            if let Some(m) = s.metrics.as_mut() {
                m.read_records = i64::from(i) * 7 % 1000;
            }
            s
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_thousand_subtasks_render_only_the_rows_in_view_and_sort_by_any_column() {
    let data = RwSignal::new(subtasks(1_000));
    let host = mount(move || view! { <SubtaskTable subtasks=data /> });
    tick().await;
    let rows = || all(&host, "tbody tr:not(.spacer)");
    let first_cells = || rows().iter().map(|r| text(&r.query_selector("td").unwrap().unwrap())).collect::<Vec<_>>();
    assert!((5..=80).contains(&rows().len()), "{} rows in the DOM for 1,000 subtasks", rows().len());
    assert_eq!(first_cells().first().map(String::as_str), Some("0"));
    let header = |label: &str| {
        all(&host, "thead th").into_iter().find(|th| text(th).trim_end_matches(['▲', '▼']).trim() == label).unwrap_or_else(|| panic!("no header {label}"))
    };

    // Sorted by subtask at first; a click on it turns the order: the last subtask first.
    let subtask = header("Subtask");
    assert_eq!(subtask.get_attribute("aria-sort").as_deref(), Some("ascending"));
    js(&subtask, "el.querySelector('button').click()");
    tick().await;
    assert_eq!(subtask.get_attribute("aria-sort").as_deref(), Some("descending"));
    assert_eq!(first_cells().first().map(String::as_str), Some("999"));

    // By records in, ascending: the fewest first, ties in subtask order.
    js(&header("Records in").query_selector("button").unwrap().unwrap(), "el.click()");
    tick().await;
    let first = rows()[0].clone();
    let cells: Vec<String> = all(&first, "td").iter().map(text).collect();
    assert_eq!((cells[0].as_str(), cells[8].as_str()), ("0", "0"), "{cells:?}");
    assert!(cells.iter().any(|c| c == "RUNNING"), "{cells:?}");

    // Scrolled to the middle, the rows there are drawn and the DOM stays small.
    let scroller = host.query_selector(".table-scroll").unwrap().unwrap();
    scroller.set_scroll_top(500 * 36);
    gloo_timers::future::TimeoutFuture::new(100).await;
    assert!(rows().len() <= 80, "still windowed after scrolling");
    assert!(!first_cells().contains(&"0".to_string()) || rows().len() < 80, "the window moved");
}

fn id(n: u8) -> VertexId {
    VertexId::parse(&format!("{n:032x}")).unwrap()
}

#[wasm_bindgen_test]
async fn the_graph_shows_busy_backpressure_records_and_watermarks_and_colours_the_bottleneck() {
    let plan: JobPlan = serde_json::from_value(serde_json::json!({
        "name": "p",
        "nodes": [
            { "id": id(1).to_string(), "parallelism": 1, "description": "Source<br/>" },
            { "id": id(2).to_string(), "parallelism": 4, "description": "Hot map", "inputs": [{ "id": id(1).to_string(), "ship_strategy": "HASH" }] }
        ]
    }))
    .unwrap();
    let source = VertexFlow { busy_max: Some(100.0), backpressured_max: Some(700.0), records_in: None, records_out: Some(1_234.0), low_watermark: None };
    let hot = VertexFlow { busy_max: Some(950.0), backpressured_max: Some(0.0), records_in: Some(1_234.0), records_out: Some(0.5), low_watermark: None };
    let flows = RwSignal::new(BTreeMap::from([(id(1), source)]));
    let graph = layout(&plan, &[]);
    let host = mount(move || view! { <JobGraph layout=graph flows=flows /> });
    tick().await;
    let node = |n: u8| host.query_selector(&format!("g[data-vertex='{}']", id(n))).unwrap().unwrap();
    let class = |n: u8| node(n).get_attribute("class").unwrap_or_default();
    assert!(class(1).contains("load-backpressured-high"), "{}", class(1));
    assert!(text(&node(1)).contains("Busy 10% · Backpressured 70%"), "{}", text(&node(1)));
    assert!(text(&node(1)).contains("Out 1.2k/s") && text(&node(1)).contains("No watermark"), "{}", text(&node(1)));
    assert!(class(2).contains("load-unknown") && text(&node(2)).contains("Busy – · Backpressured –"), "no metrics yet: dashes");
    assert!(text(&node(2)).contains("Watermark –"), "unknown is not 'no watermark': {}", text(&node(2)));

    // New metrics redraw the node's lines and colour.
    flows.update(|f| {
        f.insert(id(2), hot);
    });
    tick().await;
    assert!(class(2).contains("load-busy-high"), "{}", class(2));
    assert!(text(&node(2)).contains("Busy 95%") && text(&node(2)).contains("In 1.2k/s · Out 0.5/s"), "{}", text(&node(2)));
    let bar = node(2).query_selector("rect.busy-bar").unwrap().unwrap();
    let width: f64 = bar.get_attribute("width").unwrap().parse().unwrap();
    assert!(width > 190.0, "the busy bar is nearly full: {width}");
}

#[wasm_bindgen_test]
async fn back_pressure_says_when_flink_has_not_sampled_and_shows_each_subtask_once_it_has() {
    use flink_console::app::pages::vertex::BackPressure;
    use flink_console::client::VertexBackPressure;
    let unsampled: VertexBackPressure = serde_json::from_value(serde_json::json!({ "status": "deprecated" })).unwrap();
    let data = RwSignal::new(Some(unsampled));
    let host = mount(move || view! { <BackPressure data /> });
    tick().await;
    assert!(text(&host).contains("has not sampled back pressure"), "{}", text(&host));
    let recorded: serde_json::Value = serde_json::from_str(include_str!("fixtures/vertex_backpressure.json")).unwrap();
    data.set(Some(serde_json::from_value(recorded["body"].clone()).unwrap()));
    tick().await;
    let rows = all(&host, "tbody tr:not(.spacer)");
    assert_eq!(rows.len(), 1);
    let cells: Vec<String> = all(&rows[0], "td").iter().map(text).collect();
    assert_eq!(cells, ["0", "OK", "0%", "1%", "100%"]);
    assert!(text(&host).contains("Back pressure OK · sampled"), "{}", text(&host));
}

#[wasm_bindgen_test]
async fn watermarks_show_no_watermark_as_such() {
    use flink_console::app::pages::vertex::Watermarks;
    use flink_console::client::SubtaskWatermark;
    let data = RwSignal::new(Some(vec![
        SubtaskWatermark { subtask: 0, watermark: Some(1_796_189_891_581) },
        SubtaskWatermark { subtask: 1, watermark: None },
    ]));
    let host = mount(move || view! { <Watermarks data /> });
    tick().await;
    let rows = all(&host, "tbody tr:not(.spacer)");
    assert_eq!(rows.len(), 2);
    assert_eq!(text(&all(&rows[1], "td")[1]), "No watermark");
    assert!(text(&all(&rows[0], "td")[1]).starts_with("20"), "a date: {}", text(&rows[0]));
    assert!(text(&host).contains("No watermark yet"), "{}", text(&host));
}

#[wasm_bindgen_test]
async fn data_skew_of_a_thousand_subtasks_leads_with_the_hottest_and_scores_as_flink_does() {
    use flink_console::app::pages::vertex::{DataSkew, skew};
    let data = RwSignal::new(subtasks(1_000));
    let host = mount(move || view! { <DataSkew subtasks=data /> });
    tick().await;
    let rows = all(&host, "tbody tr:not(.spacer)");
    assert!((5..=80).contains(&rows.len()), "{} rows in the DOM for 1,000 subtasks", rows.len());
    let first: Vec<String> = all(&rows[0], "td").iter().map(text).collect();
    // 857 × 7 % 1000 = 999: the subtask with the most records in leads.
    assert_eq!((first[0].as_str(), first[1].as_str()), ("857", "999"), "{first:?}");
    let ins: Vec<f64> = (0..1_000).map(|i| f64::from(i * 7 % 1000)).collect();
    let expected = format!("Records in: {:.0} % skew", skew(&ins));
    assert!(text(&host).contains(&expected), "{expected} in {}", text(&host));
    assert!(first[2].starts_with('+'), "above the mean: {first:?}");

    // Every subtask equal: no skew.
    data.update(|s| s.iter_mut().for_each(|s| s.metrics.as_mut().unwrap().read_records = 5));
    tick().await;
    assert!(text(&host).contains("Records in: 0 % skew"), "{}", text(&host));
}

#[wasm_bindgen_test]
async fn the_timeline_of_a_thousand_subtasks_draws_their_states_in_view_only() {
    use flink_console::app::pages::vertex::SubtaskTimeline;
    use flink_console::client::SubtaskTimes;
    let recorded: serde_json::Value = serde_json::from_str(include_str!("fixtures/2.3.0/vertex_subtasktimes.json")).unwrap();
    let mut times: SubtaskTimes = serde_json::from_value(recorded["body"].clone()).unwrap();
    let template = times.subtasks[0].clone();
    times.subtasks = (0..1_000)
        .map(|i| {
            let mut s = template.clone();
            s.subtask = i;
            s
        })
        .collect();
    let data = RwSignal::new(Some(times));
    let host = mount(move || view! { <SubtaskTimeline data /> });
    tick().await;
    let rows = all(&host, "tbody tr:not(.spacer)");
    assert!((5..=80).contains(&rows.len()), "{} rows in the DOM for 1,000 subtasks", rows.len());
    let bar = rows[0].query_selector("svg[role=img]").unwrap().expect("a bar per subtask");
    let label = bar.get_attribute("aria-label").unwrap();
    assert!(label.starts_with("Subtask 0: created for") && label.contains("running for"), "{label}");
    let running = all(&bar, "rect.state-running");
    assert_eq!(running.len(), 1, "one running span");
    let x: f64 = running[0].get_attribute("x").unwrap().parse().unwrap();
    let width: f64 = running[0].get_attribute("width").unwrap().parse().unwrap();
    assert!(x > 0.0 && (x + width - 1000.0).abs() < 0.5, "running lasts until now, at the right edge: {x} + {width}");
    assert!(text(&host).starts_with("From "), "the axis: {}", text(&host));
    assert_eq!(all(&host, ".timeline-legend li").len(), 10);
}

#[wasm_bindgen_test]
async fn accumulators_show_the_merged_value_and_each_subtasks_own() {
    use flink_console::app::pages::vertex::Accumulators;
    use flink_console::client::{SubtasksAccumulators, VertexAccumulators};
    let body = |json: &str| serde_json::from_str::<serde_json::Value>(json).unwrap()["body"].clone();
    let merged: VertexAccumulators = serde_json::from_value(body(include_str!("fixtures/vertex_accumulators.json"))).unwrap();
    let per: SubtasksAccumulators = serde_json::from_value(body(include_str!("fixtures/vertex_subtask_accumulators.json"))).unwrap();
    let (merged, subtasks) = (RwSignal::new(Some(merged)), RwSignal::new(Some(per)));
    let host = mount(move || view! { <Accumulators merged subtasks /> });
    tick().await;
    let table = host.query_selector("table[aria-label='Accumulators of the vertex']").unwrap().expect("the merged table");
    let cells: Vec<String> = all(&table, "tbody td").iter().map(text).collect();
    assert_eq!(cells, ["records counted", "LongCounter", "379"]);
    let row = all(&host, ".accumulators-per-subtask tbody tr:not(.spacer)");
    assert_eq!(all(&row[0], "td").iter().map(text).collect::<Vec<_>>(), ["0", "localhost:9084", "records counted", "LongCounter", "379"]);

    merged.set(Some(serde_json::from_value(serde_json::json!({ "id": "v", "user-accumulators": [] })).unwrap()));
    subtasks.set(Some(serde_json::from_value(serde_json::json!({ "id": "v", "parallelism": 1, "subtasks": [] })).unwrap()));
    tick().await;
    assert!(text(&host).contains("This vertex has no user accumulators."), "{}", text(&host));
    assert!(text(&host).contains("No subtask reports user accumulators."), "{}", text(&host));
}

#[wasm_bindgen_test]
async fn the_metric_picker_filters_thousands_of_names_and_charts_what_is_picked() {
    use flink_console::app::pages::vertex::{MetricCharts, MetricPicker, record};
    // 1,000 subtasks × 3 metrics: what a vertex of parallelism 1,000 lists.
    let names: Vec<String> = (0..1_000).flat_map(|i| ["numRecordsIn", "numRecordsOut", "busyTimeMsPerSecond"].map(|m| format!("{i}.{m}"))).collect();
    let names = RwSignal::new(names);
    let picked = RwSignal::new(Vec::<String>::new());
    let history = RwSignal::new(BTreeMap::new());
    let host = mount(move || view! { <MetricPicker names picked /><MetricCharts history picked /> });
    tick().await;
    let buttons = || all(&host, ".metric-list button");
    assert_eq!(buttons().len(), 200, "the list is capped");
    assert!(text(&host).contains("3000 of 3000 metrics, the first 200 shown"), "{}", text(&host));
    assert!(text(&host).contains("Pick a metric above"), "{}", text(&host));

    let input = host.query_selector("input[type=search]").unwrap().unwrap();
    js(&input, "el.value = '42.numrecords'; el.dispatchEvent(new Event('input'))");
    tick().await;
    let listed: Vec<String> = buttons().iter().map(text).collect();
    // Subtask 42's own lead; 142, 242, … also contain the text and follow.
    assert_eq!(listed.len(), 20);
    assert_eq!(listed[..3], ["42.numRecordsIn", "42.numRecordsOut", "142.numRecordsIn"]);
    assert!(text(&host).contains("20 of 3000 metrics"), "{}", text(&host));

    js(&buttons()[0], "el.click()");
    tick().await;
    assert_eq!(picked.get_untracked(), ["42.numRecordsIn"]);
    assert_eq!(buttons()[0].get_attribute("aria-pressed").as_deref(), Some("true"));
    let metric = |v: &str| flink_console::client::Metric { id: "42.numRecordsIn".into(), value: Some(v.into()) };
    history.update(|h| {
        let p = picked.get_untracked();
        record(h, 1, &[metric("10")], &p, 120);
        record(h, 2, &[metric("25")], &p, 120);
    });
    tick().await;
    let chart = host.query_selector("svg[role=img]").unwrap().expect("a chart");
    assert_eq!(chart.get_attribute("aria-label").as_deref(), Some("42.numRecordsIn: 2 samples, up to 25"));
    assert_eq!(text(&host.query_selector(".metric-value").unwrap().unwrap()), "25");
    js(&host.query_selector("button[aria-label='Remove 42.numRecordsIn']").unwrap().unwrap(), "el.click()");
    tick().await;
    assert!(picked.get_untracked().is_empty());
}
