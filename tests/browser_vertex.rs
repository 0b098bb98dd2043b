//! Component tests of the vertex page's tables and the job graph's metrics, in headless
//! Chromium: 1,000 subtasks stay windowed and sortable, back pressure and watermarks read
//! Flink's answers as people do, the graph colours its bottleneck.
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
