//! Running an uploaded jar: the form (entry class, arguments, parallelism, savepoint), the plan
//! it would submit, and the run, which opens the new job.
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::app::Cluster;
use crate::app::components::{Loaded, Progress};
use crate::app::href;
use crate::app::load::{Loadable, load_once};
use crate::app::operation::{OpState, use_operation};
use crate::app::pages::job::graph::{JobGraph, layout};
use crate::client::request::JarRunOptions;
use crate::client::{ClientError, JarFile, JobPlanInfo, RestoreMode};

/// What the form holds, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunForm {
    pub entry_class: String,
    /// One argument per line, so that an argument may hold spaces without any quoting.
    pub args: String,
    /// Blank: the cluster's default parallelism.
    pub parallelism: String,
    pub savepoint_path: String,
    pub allow_non_restored_state: bool,
    /// `None`: the cluster's default.
    pub restore_mode: Option<RestoreMode>,
}

impl RunForm {
    /// The options Flink gets; a parallelism that is not a whole number of 1 or more is refused
    /// here rather than by Flink's less clear answer.
    pub fn options(&self) -> Result<JarRunOptions, ClientError> {
        let text = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let parallelism = match self.parallelism.trim() {
            "" => None,
            p => match p.parse::<u32>() {
                Ok(n) if (1..=i32::MAX as u32).contains(&n) => Some(n),
                _ => return Err(ClientError::InvalidInput(format!("The parallelism is a whole number, 1 or more, or blank for the cluster's default; “{p}” is not."))),
            },
        };
        Ok(JarRunOptions {
            entry_class: text(&self.entry_class),
            program_args: self.args.lines().map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect(),
            parallelism,
            savepoint_path: text(&self.savepoint_path),
            allow_non_restored_state: self.allow_non_restored_state,
            restore_mode: self.restore_mode.clone(),
        })
    }
}

/// The run form of one jar. "Show plan" asks Flink for the job graph the program builds;
/// "Run job" submits it and opens the new job's page.
#[component]
pub fn RunJar(jar: JarFile) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let form = RwSignal::new(RunForm { entry_class: jar.entry.first().map(|e| e.name.clone()).unwrap_or_default(), ..Default::default() });
    let jar_id = StoredValue::new(jar.id.clone());
    let plan = RwSignal::new(None::<Loadable<JobPlanInfo>>);
    let run = use_operation();
    let plan_client = client.clone();
    let show_plan = move |_| {
        let (client, id, options) = (plan_client.clone(), jar_id.get_value(), form.get_untracked().options());
        plan.set(Some(load_once(async move { client.jar_plan(&id, &options?).await })));
    };
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let OpState::Done(job) = run.state.get() {
            navigate(&href(&format!("/jobs/{job}")), Default::default());
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let options = match form.get_untracked().options() {
            Ok(o) => o,
            Err(e) => return run.fail(e),
        };
        let (client, id) = (client.clone(), jar_id.get_value());
        run.run(async move { client.run_jar(&id, &options).await.map(|r| r.jobid) });
    };
    let entries: Vec<String> = jar.entry.iter().map(|e| e.name.clone()).collect();
    let list_id = format!("entries-{}", jar.id);
    view! {
        <form class="panel run-jar" aria-label=format!("Run {}", jar.name) on:submit=submit>
            <h2>{format!("Run {}", jar.name)}</h2>
            <label>"Entry class"
                <input type="text" list=list_id.clone() placeholder="From the jar's manifest when blank"
                    prop:value=move || form.with(|f| f.entry_class.clone())
                    on:input=move |e| form.update(|f| f.entry_class = event_target_value(&e)) />
            </label>
            <datalist id=list_id>{entries.into_iter().map(|n| view! { <option value=n /> }).collect_view()}</datalist>
            <label>"Program arguments (one per line)"
                <textarea rows="3" on:input=move |e| form.update(|f| f.args = event_target_value(&e))></textarea>
            </label>
            <label>"Parallelism"
                <input type="number" min="1" step="1" inputmode="numeric" placeholder="Cluster default"
                    on:input=move |e| form.update(|f| f.parallelism = event_target_value(&e)) />
            </label>
            <label>"Savepoint path"
                <input type="text" placeholder="Start without state when blank"
                    on:input=move |e| form.update(|f| f.savepoint_path = event_target_value(&e)) />
            </label>
            <label>"Restore mode"
                <select
                    disabled=move || form.with(|f| f.savepoint_path.trim().is_empty())
                    on:change=move |e| form.update(|f| f.restore_mode = restore_mode(&event_target_value(&e)))
                >
                    <option value="">"Cluster default"</option>
                    <option value="NO_CLAIM">"No claim: the savepoint stays yours"</option>
                    <option value="CLAIM">"Claim: the job owns it and deletes it once subsumed"</option>
                </select>
            </label>
            <label class="choice">
                <input type="checkbox" on:change=move |e| form.update(|f| f.allow_non_restored_state = event_target_checked(&e)) />
                "Allow non-restored state"
            </label>
            <div class="dialog-buttons">
                <button type="button" on:click=show_plan>"Show plan"</button>
                <button type="submit" class="primary" disabled=move || run.is_running()>"Run job"</button>
            </div>
            <Progress op=run running="Submitting the job…" />
        </form>
        {move || plan.get().map(|p| view! { <Plan plan=p /> })}
    }
}

/// The restore mode a choice of the form stands for; blank is the cluster's default.
fn restore_mode(value: &str) -> Option<RestoreMode> {
    (!value.is_empty()).then(|| RestoreMode::from(value))
}

/// The job graph Flink made of the program, before it runs.
#[component]
fn Plan(plan: Loadable<JobPlanInfo>) -> impl IntoView {
    view! {
        <section class="panel" aria-label="Plan">
            <h2>"Plan"</h2>
            <Loaded data=plan loading="Flink is running the program's main method for its plan…">
                {move || plan.data.with(|p| p.as_ref().map(|p| view! {
                    <div class="graph-scroll"><JobGraph layout=layout(&p.plan, &[]) /></div>
                }))}
            </Loaded>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::RunForm;

    #[test]
    fn the_form_becomes_run_options_arguments_one_per_line() {
        let form = RunForm {
            entry_class: " demo.Job ".into(),
            args: "--name\n  a name with spaces \n\n--rate\n5\n".into(),
            parallelism: " 3 ".into(),
            savepoint_path: "  ".into(),
            allow_non_restored_state: true,
            restore_mode: super::restore_mode("CLAIM"),
        };
        let o = form.options().unwrap();
        assert_eq!(o.entry_class.as_deref(), Some("demo.Job"));
        assert_eq!(o.program_args, ["--name", "a name with spaces", "--rate", "5"]);
        assert_eq!((o.parallelism, o.savepoint_path, o.allow_non_restored_state), (Some(3), None, true));
        assert_eq!((o.restore_mode, super::restore_mode("")), (Some(crate::client::RestoreMode::Claim), None));
        let blank = RunForm::default().options().unwrap();
        assert_eq!((blank.entry_class, blank.parallelism, blank.program_args.len()), (None, None, 0));
    }

    #[test]
    fn a_parallelism_that_is_not_a_whole_positive_number_is_refused() {
        for p in ["0", "-1", "1.5", "two", "99999999999"] {
            let e = RunForm { parallelism: p.into(), ..Default::default() }.options().unwrap_err();
            assert!(e.to_string().contains(p), "{p}: {e}");
        }
    }
}
