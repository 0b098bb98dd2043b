use leptos::prelude::*;

use crate::app::Cluster;

#[component]
pub fn JobsPage() -> impl IntoView {
    let cluster = expect_context::<Cluster>();
    let client = cluster.client.clone();
    let jobs = LocalResource::new(move || {
        let client = client.clone();
        async move { client.request_multiple_job_details(None).await }
    });
    view! {
        <h1>"Jobs"</h1>
        <Transition fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {move || jobs.get().map(|result| match result {
                Ok(list) => view! {
                    <table>
                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Status"</th></tr></thead>
                        <tbody>
                            {list.jobs.into_iter().map(|j| view! {
                                <tr><td>{j.name}</td><td>{j.state.to_string()}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any(),
                Err(e) => view! { <p class="error" role="alert">{e.to_string()}</p> }.into_any(),
            })}
        </Transition>
    }
}
