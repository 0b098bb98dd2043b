//! Component tests of the jobs table (and the loading view around it) and of the task managers
//! table, in headless Chromium,
//! with the console's real stylesheets so row heights and scrolling are what users get.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use flink_console::app::components::Loaded;
use flink_console::app::pages::jobs::{JobTable, ROW_PX, StateFilter};
use flink_console::app::load::Loadable;
use flink_console::app::pages::taskmanagers::{self, TaskManagerTable};
use flink_console::client::{ClientError, JobOverview, TaskManagers};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod dom;
mod sample;
use dom::{js, mount, tick};
use sample::job;

wasm_bindgen_test_configure!(run_in_browser);

/// `querySelectorAll` as a Vec (web-sys' NodeList is not among the crate's features).
fn all(element: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list: js_sys::Array = js(element, &format!("return Array.from(el.querySelectorAll({selector:?}))")).unchecked_into();
    list.iter().map(JsCast::unchecked_into).collect()
}

/// Every column sorts these differently (see the expectations in `sorts_by_every_column_both_ways`).
fn five_jobs() -> Vec<JobOverview> {
    vec![
        job(0xa, "alpha", "RUNNING", 3_000, 500, 2),
        job(0xb, "Bravo", "FINISHED", 1_000, 4_000, 8),
        job(0xc, "charlie", "FAILED", 2_000, 100, 1),
        job(0xd, "Demo: <b>orders</b> & refunds", "CANCELED", 4_000, 2_000, 4),
        job(0xe, "echo", "RESTARTING", 5_000, 300, 3),
    ]
}

struct Table {
    host: web_sys::HtmlElement,
    jobs: RwSignal<Option<Vec<JobOverview>>>,
}

impl Table {
    async fn mount(jobs: Vec<JobOverview>) -> Self {
        let jobs = RwSignal::new(Some(jobs));
        let state = RwSignal::new(StateFilter::All);
        let host = mount(move || view! { <Router><JobTable jobs state on_state=move |s| state.set(s) /></Router> });
        tick().await;
        Self { host, jobs }
    }

    fn find(&self, selector: &str) -> web_sys::Element {
        self.host.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}"))
    }

    fn rows(&self) -> Vec<web_sys::Element> {
        all(&self.host, "tbody tr.job")
    }

    fn names(&self) -> Vec<String> {
        self.rows().iter().map(|r| r.query_selector("td.name").unwrap().unwrap().text_content().unwrap()).collect()
    }

    async fn filter(&self, text: &str) {
        let input = self.find("input[type=search]");
        js(&input, &format!("el.value = {text:?}; el.dispatchEvent(new Event('input', {{ bubbles: true }}))"));
        tick().await;
    }

    async fn choose_state(&self, value: &str) {
        let select = self.find("select");
        js(&select, &format!("el.value = {value:?}; el.dispatchEvent(new Event('change', {{ bubbles: true }}))"));
        tick().await;
    }

    fn header(&self, label: &str) -> web_sys::Element {
        all(&self.host, "thead th")
            .into_iter()
            .find(|th| th.text_content().unwrap_or_default().starts_with(label))
            .unwrap_or_else(|| panic!("no header {label}"))
    }

    async fn sort_by(&self, label: &str) -> String {
        let button: web_sys::HtmlElement = self.header(label).query_selector("button").unwrap().unwrap().unchecked_into();
        button.click();
        tick().await;
        self.header(label).get_attribute("aria-sort").unwrap_or_default()
    }

    fn count(&self) -> String {
        self.find(".shown").text_content().unwrap_or_default()
    }
}

#[wasm_bindgen_test]
async fn filters_by_name_and_by_id_in_any_case() {
    let t = Table::mount(five_jobs()).await;
    assert_eq!(t.names().len(), 5);
    assert_eq!(t.count(), "5 of 5 jobs");

    t.filter("BRAVO").await;
    assert_eq!(t.names(), ["Bravo"]);
    t.filter("0000000000000C").await;
    assert_eq!(t.names(), ["charlie"], "part of the job id, upper case");
    t.filter("nothing like it").await;
    assert!(t.names().is_empty());
    assert!(t.host.text_content().unwrap_or_default().contains("No jobs match the filter."));
    t.filter("").await;
    assert_eq!(t.names().len(), 5);
}

#[wasm_bindgen_test]
async fn filters_by_state() {
    let t = Table::mount(five_jobs()).await;
    t.choose_state("failed").await;
    assert_eq!(t.names(), ["charlie"]);
    t.choose_state("running").await;
    assert_eq!(t.names(), ["echo", "alpha"], "not-yet-ended jobs, newest first");
    t.choose_state("canceled").await;
    assert_eq!(t.names(), ["Demo: <b>orders</b> & refunds"]);
    t.choose_state("all").await;
    assert_eq!(t.names().len(), 5);
    let label = t.find("select").parent_element().unwrap().text_content().unwrap_or_default();
    assert!(label.starts_with("State"), "the select is labelled: {label}");
}

#[wasm_bindgen_test]
async fn sorts_by_every_column_both_ways() {
    let t = Table::mount(five_jobs()).await;
    assert_eq!(t.header("Start time").get_attribute("aria-sort").as_deref(), Some("descending"), "newest first by default");
    assert_eq!(t.names(), ["echo", "Demo: <b>orders</b> & refunds", "alpha", "charlie", "Bravo"]);

    let ascending: [(&str, [&str; 5]); 5] = [
        ("Name", ["alpha", "Bravo", "charlie", "Demo: <b>orders</b> & refunds", "echo"]),
        ("Status", ["Demo: <b>orders</b> & refunds", "charlie", "Bravo", "echo", "alpha"]),
        ("Start time", ["Bravo", "charlie", "alpha", "Demo: <b>orders</b> & refunds", "echo"]),
        ("Duration", ["charlie", "echo", "alpha", "Demo: <b>orders</b> & refunds", "Bravo"]),
        ("Tasks", ["charlie", "alpha", "echo", "Demo: <b>orders</b> & refunds", "Bravo"]),
    ];
    for (label, expected) in ascending {
        assert_eq!(t.sort_by(label).await, "ascending", "{label}");
        assert_eq!(t.names(), expected, "{label} ascending");
        for (other, _) in ascending.iter().filter(|(l, _)| *l != label) {
            assert_eq!(t.header(other).get_attribute("aria-sort").as_deref(), Some("none"), "{other} while sorting by {label}");
        }
        assert_eq!(t.sort_by(label).await, "descending", "{label}");
        let mut reversed = expected;
        reversed.reverse();
        assert_eq!(t.names(), reversed, "{label} descending");
    }
    assert_eq!(all(&t.host, "thead th[scope=col] > button").len(), 5, "a real button in each header");
}

#[wasm_bindgen_test]
async fn names_with_markup_stay_text_and_link_to_the_job() {
    let t = Table::mount(five_jobs()).await;
    t.filter("orders").await;
    assert!(t.host.query_selector("tbody b").unwrap().is_none(), "no <b> element made from a job name");
    let link = t.find("tbody td.name a");
    assert_eq!(link.text_content().unwrap_or_default(), "Demo: <b>orders</b> & refunds");
    assert!(link.get_attribute("href").unwrap_or_default().ends_with("/jobs/0000000000000000000000000000000d"));
}

#[wasm_bindgen_test]
async fn ten_thousand_jobs_render_only_the_rows_in_view() {
    let many: Vec<JobOverview> = (0..10_000).map(|i| job(i, &format!("job {i:05}"), "RUNNING", i64::from(i), 1_000, 2)).collect();
    let t = Table::mount(many.clone()).await;
    assert_eq!(t.count(), "10000 of 10000 jobs");
    let viewport = web_sys::window().unwrap().inner_height().unwrap().as_f64().unwrap() as usize;
    let most = viewport / ROW_PX as usize + 1 + 2 * 10;
    let rendered = t.rows().len();
    assert!((10..=most).contains(&rendered), "{rendered} rows in the DOM for 10,000 jobs (at most {most})");
    assert_eq!(t.names().first().map(String::as_str), Some("job 09999"), "newest first");

    // Scrolled to the middle: the 5001st job sits right under the sticky header, which only
    // holds if every row is exactly ROW_PX high and the spacers stand in for the rest.
    let scroller = t.find(".table-scroll");
    scroller.set_scroll_top(5_000 * ROW_PX);
    gloo_timers::future::TimeoutFuture::new(100).await;
    assert!(t.rows().len() <= most, "still windowed after scrolling");
    let names = t.names();
    let row = t.rows().into_iter().zip(&names).find(|(_, n)| *n == "job 04999").map(|(r, _)| r);
    let row = row.unwrap_or_else(|| panic!("job 04999 not rendered at its place; rendered {:?}…", names.first()));
    let top = |el: &web_sys::Element| js(el, "return el.getBoundingClientRect().top").as_f64().unwrap();
    let header = js(&t.find("thead tr"), "return el.getBoundingClientRect().height").as_f64().unwrap();
    let offset = top(&row) - top(&scroller) - header;
    assert!(offset.abs() < 2.0, "job 04999 is {offset}px off its place under the header");

    // A refresh keeps the rendered rows (keyed by job id) and updates their cells in place.
    let first = t.rows().into_iter().next().unwrap();
    let refreshed: Vec<JobOverview> = many.into_iter().map(|mut j| {
        j.duration = 61_000.into();
        j
    }).collect();
    let started = js_sys::Date::now();
    t.jobs.set(Some(refreshed));
    gloo_timers::future::TimeoutFuture::new(0).await;
    let refresh_ms = js_sys::Date::now() - started;
    console_log!("a refresh of 10,000 jobs took {refresh_ms} ms (debug build)");
    // Generous, for a busy machine: rendering all 10,000 rows takes seconds.
    assert!(refresh_ms < 1_000.0, "a refresh of 10,000 jobs took {refresh_ms} ms");
    tick().await;
    let same = t.rows().into_iter().next().unwrap();
    assert!(first.is_same_node(Some(&same)), "the row was replaced instead of updated");
    assert!(same.text_content().unwrap_or_default().contains("1m 1s"), "{:?}", same.text_content());

    t.filter("job 07777").await;
    assert_eq!(t.names(), ["job 07777"]);
    assert_eq!(t.count(), "1 of 10000 jobs");
    assert_eq!(scroller.scroll_top(), 0, "a new filter starts at the top");
}

#[wasm_bindgen_test]
async fn stale_data_stays_with_the_filter_typed_into_it() {
    let poll = Loadable::<Vec<JobOverview>>::new();
    let state = RwSignal::new(StateFilter::All);
    let host = mount(move || {
        view! { <Router><Loaded data=poll><JobTable jobs=poll.data state on_state=move |s| state.set(s) /></Loaded></Router> }
    });
    tick().await;
    assert!(host.text_content().unwrap_or_default().contains("Loading"));

    let down = || ClientError::Network { url: "http://x/api/jobs/overview".into(), message: "Failed to fetch".into() };
    poll.error.set(Some(down()));
    tick().await;
    assert!(host.query_selector("[role=alert]").unwrap().is_some(), "the error where the table would be");

    poll.data.set(Some(five_jobs()));
    poll.error.set(None);
    tick().await;
    let t = Table { host: host.clone(), jobs: poll.data };
    t.filter("alpha").await;
    poll.error.set(Some(down()));
    tick().await;
    assert!(host.query_selector(".stale").unwrap().is_some(), "marked stale");
    assert!(host.query_selector("[role=alert]").unwrap().is_none(), "the page shows data, the banner the error");
    assert_eq!(t.names(), ["alpha"], "the table and its filter survive the outage");
    let input = t.find("input[type=search]");
    assert_eq!(js(&input, "return el.value").as_string().as_deref(), Some("alpha"));
}

#[wasm_bindgen_test]
async fn a_thousand_task_managers_render_only_the_rows_in_view() {
    let recorded: serde_json::Value = serde_json::from_str(include_str!("fixtures/2.3.0/taskmanagers.json")).unwrap();
    let mut one: TaskManagers = serde_json::from_value(recorded["body"].clone()).unwrap();
    let template = one.taskmanagers.remove(0);
    let many = |beat: i64| TaskManagers {
        taskmanagers: (0..1_000)
            .map(|i| {
                let mut tm = template.clone();
                tm.id = format!("tm-{i:04}");
                tm.time_since_last_heartbeat = beat;
                tm
            })
            .collect(),
    };
    let data = RwSignal::new(Some(many(1_795_000_000_000)));
    let host = mount(move || view! { <TaskManagerTable taskmanagers=data /> });
    tick().await;
    let rows = || all(&host, "tbody tr:not(.spacer)");
    let ids = || rows().iter().map(|r| r.query_selector(".tm-id").unwrap().unwrap().text_content().unwrap_or_default()).collect::<Vec<_>>();
    let viewport = web_sys::window().unwrap().inner_height().unwrap().as_f64().unwrap() as usize;
    let most = viewport / taskmanagers::ROW_PX as usize + 1 + 2 * 10;
    assert!((5..=most).contains(&rows().len()), "{} rows in the DOM for 1,000 task managers (at most {most})", rows().len());
    assert_eq!(ids().first().map(String::as_str), Some("tm-0000"));

    // Scrolled to the 500th: it sits right under the header, so every row is ROW_PX high.
    let scroller = host.query_selector(".table-scroll").unwrap().unwrap();
    scroller.set_scroll_top(500 * taskmanagers::ROW_PX);
    gloo_timers::future::TimeoutFuture::new(100).await;
    let row = rows().into_iter().zip(ids()).find(|(_, id)| id == "tm-0500").map(|(r, _)| r).expect("tm-0500 rendered");
    let top = |el: &web_sys::Element| js(el, "return el.getBoundingClientRect().top").as_f64().unwrap();
    let header = js(&host.query_selector("thead tr").unwrap().unwrap(), "return el.getBoundingClientRect().height").as_f64().unwrap();
    let offset = top(&row) - top(&scroller) - header;
    assert!(offset.abs() < 2.0, "tm-0500 is {offset}px off its place under the header");

    // A refresh (new heartbeats) updates the rendered rows in place.
    let before = row.text_content().unwrap_or_default();
    data.set(Some(many(1_795_000_100_000)));
    tick().await;
    let same = rows().into_iter().find(|r| r.text_content().unwrap_or_default().contains("tm-0500")).unwrap();
    assert!(row.is_same_node(Some(&same)), "the row was replaced instead of updated");
    assert_ne!(same.text_content().unwrap_or_default(), before, "the heartbeat cell shows the new answer");
    assert!(rows().len() <= most, "still windowed");
}
