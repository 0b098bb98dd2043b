//! The environment tab: the JobManager's JVM (version, architecture, options) and classpath,
//! with one filter over options and classpath entries.
use leptos::prelude::*;

use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::list::{matches_text, needle};
use crate::app::load::load_once;
use crate::client::Environment;

#[component]
pub fn EnvironmentTab() -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    // Fixed while the JobManager runs.
    let env = load_once(async move { client.jobmanager_environment().await });
    view! {
        <section class="panel">
            <Loaded data=env loading="Reading the environment…">
                <EnvironmentView env=env.data />
            </Loaded>
        </section>
    }
}

#[component]
fn EnvironmentView(#[prop(into)] env: Signal<Option<Environment>>) -> impl IntoView {
    let filter = RwSignal::new(String::new());
    let fact = move |f: fn(&Environment) -> String| move || env.with(|e| e.as_ref().map(f).unwrap_or_default());
    let shown = move |list: fn(&Environment) -> &Vec<String>| {
        move || {
            let n = needle(&filter.get());
            env.with(|e| e.as_ref().map(|e| list(e).iter().filter(|x| matches_text(x, &n)).cloned().collect::<Vec<_>>()).unwrap_or_default())
        }
    };
    let count = move |list: fn(&Environment) -> &Vec<String>, what: &'static str| {
        move || {
            let all = env.with(|e| e.as_ref().map_or(0, |e| list(e).len()));
            format!("{} of {all} {what}", shown(list)().len())
        }
    };
    let items = move |list: fn(&Environment) -> &Vec<String>| move || shown(list)().into_iter().map(|x| view! { <li>{x}</li> }).collect_view();
    view! {
        <dl class="facts">
            <div><dt>"JVM"</dt><dd>{fact(|e| e.jvm.version.clone())}</dd></div>
            <div><dt>"Architecture"</dt><dd>{fact(|e| e.jvm.arch.clone())}</dd></div>
        </dl>
        <div class="list-tools">
            <label>"Filter options and classpath "
                <input type="search" placeholder="Option or path" on:input=move |ev| filter.set(event_target_value(&ev)) />
            </label>
        </div>
        <h2>"JVM options"</h2>
        <p class="hint" role="status">{count(|e| &e.jvm.options, "options")}</p>
        <ul class="env-list" aria-label="JVM options">{items(|e| &e.jvm.options)}</ul>
        <h2>"Classpath"</h2>
        <p class="hint" role="status">{count(|e| &e.classpath, "classpath entries")}</p>
        <ol class="env-list" aria-label="Classpath">{items(|e| &e.classpath)}</ol>
    }
}
