//! `/submit`: upload a jar, look at the plan of its program, run it; delete jars no longer
//! needed. Only where the cluster allows it (`/config` says `web-submit`).
mod run;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use run::RunJar;

use crate::app::components::{CloseButton, DialogButtons, Loaded, Modal, Progress};
use crate::app::operation::{OpState, use_operation};
use crate::app::poll::use_poll;
use crate::app::{Cluster, format};
use crate::client::{ClientError, JarFile, JarList, Timestamp};

#[component]
pub fn SubmitPage() -> impl IntoView {
    let cluster = expect_context::<Cluster>();
    let allowed = move || cluster.config.with(|c| c.as_ref().is_none_or(|c| c.features.web_submit));
    let client = cluster.client.clone();
    let jars = use_poll(move || {
        let client = client.clone();
        async move { client.list_jars().await }
    });
    let selected = RwSignal::new(None::<String>);
    let chosen = Memo::new(move |_| {
        let id = selected.get()?;
        jars.data.with(|l| l.as_ref()?.files.iter().find(|f| f.id == id).cloned())
    });
    view! {
        <h1>"Submit a job"</h1>
        <Show when=allowed fallback=|| view! {
            <p class="empty">"Job submission is off on this cluster: its web.submit.enable is false."</p>
        }>
            <Upload on_uploaded=Callback::new(move |id| { jars.refresh_now(); selected.set(Some(id)); }) />
            <section class="panel">
                <h2>"Uploaded jars"</h2>
                <Loaded data=jars loading="Asking for the uploaded jars…">
                    <JarTable jars=jars.data selected on_deleted=Callback::new(move |()| jars.refresh_now()) />
                </Loaded>
            </section>
            {move || chosen.get().map(|jar| view! { <RunJar jar /> })}
        </Show>
    }
}

/// The file picker and its button; while the jar goes out, how much of it has.
#[component]
fn Upload(on_uploaded: Callback<String>) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let input = NodeRef::<leptos::html::Input>::new();
    let upload = use_operation::<String>();
    // Bytes sent and the total, from the browser's upload progress.
    let sent = RwSignal::new((0_u64, 0_u64));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(file) = input.get_untracked().and_then(|i| i.files()).and_then(|f| f.get(0)) else {
            return upload.fail(ClientError::InvalidInput("Pick a jar file first.".into()));
        };
        let client = client.clone();
        sent.set((0, file.size() as u64));
        upload.run(async move {
            let bytes = read_file(&file).await?;
            let answer = client.upload_jar_with_progress(&file.name(), bytes, move |done, total| sent.set((done, total))).await?;
            Ok(answer.jar_id().to_string())
        });
    };
    Effect::new(move |_| {
        if let OpState::Done(id) = upload.state.get() {
            on_uploaded.run(id);
        }
    });
    view! {
        <form class="panel upload-jar" on:submit=submit>
            <label>"Jar file" <input type="file" accept=".jar,application/java-archive" node_ref=input /></label>
            <button type="submit" disabled=move || upload.is_running()>"Upload"</button>
            <Show when=move || upload.is_running()>
                <progress aria-label="Upload progress" max=move || sent.get().1.max(1) value=move || sent.get().0.min(sent.get().1)></progress>
            </Show>
            <Progress op=upload running=Signal::derive(move || upload_status(sent.get())) />
        </form>
    }
}

/// What the upload says while it runs: the bytes sent of the total, or that Flink is storing
/// the jar once all went out.
fn upload_status((done, total): (u64, u64)) -> String {
    match (done, total) {
        (_, 0) => "Uploading the jar…".into(),
        (done, total) if done >= total => "Sent; Flink is storing the jar…".into(),
        (done, total) => format!("Uploading the jar: {} of {} ({} %)…", format::bytes((done as i64).into()), format::bytes((total as i64).into()), done * 100 / total),
    }
}

/// A picked file's bytes.
async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, ClientError> {
    let unreadable = |_| ClientError::InvalidInput(format!("The file {} could not be read.", file.name()));
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(unreadable)?;
    let buffer = buffer.dyn_into::<js_sys::ArrayBuffer>().map_err(unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Each jar: its name, when it came, its entry classes; "Run" opens the form, "Delete" asks.
#[component]
fn JarTable(#[prop(into)] jars: Signal<Option<JarList>>, selected: RwSignal<Option<String>>, on_deleted: Callback<()>) -> impl IntoView {
    let deleting = RwSignal::new(None::<JarFile>);
    let rows = move || {
        let files = jars.with(|l| l.as_ref().map(|l| l.files.clone()).unwrap_or_default());
        if files.is_empty() {
            return view! { <tr><td colspan="4" class="muted">"No jars uploaded yet."</td></tr> }.into_any();
        }
        files.into_iter().map(|jar| jar_row(jar, selected, deleting)).collect_view().into_any()
    };
    view! {
        <table class="list" aria-label="Uploaded jars">
            <thead><tr><th>"Name"</th><th>"Uploaded"</th><th>"Entry classes"</th><th>"Actions"</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {move || deleting.get().map(|jar| view! {
            <DeleteDialog jar on_close=Callback::new(move |deleted: bool| {
                deleting.set(None);
                if deleted { on_deleted.run(()); }
            }) />
        })}
    }
}

fn jar_row(jar: JarFile, selected: RwSignal<Option<String>>, deleting: RwSignal<Option<JarFile>>) -> impl IntoView + use<> {
    let entries = match jar.entry.iter().map(|e| e.name.as_str()).collect::<Vec<_>>().join(", ") {
        none if none.is_empty() => "– (no Main-Class in its manifest)".to_string(),
        some => some,
    };
    let (id, name) = (jar.id.clone(), jar.name.clone());
    let current = id.clone();
    view! {
        <tr class:selected=move || selected.with(|s| s.as_deref() == Some(current.as_str()))>
            <td>{jar.name.clone()}</td>
            <td>{format::time(Timestamp::from(jar.uploaded))}</td>
            <td>{entries}</td>
            <td>
                <button type="button" aria-label=format!("Run {name}") on:click=move |_| selected.set(Some(id.clone()))>"Run"</button>
                " "
                <button type="button" class="danger" aria-label=format!("Delete {name}") on:click=move |_| deleting.set(Some(jar.clone()))>"Delete"</button>
            </td>
        </tr>
    }
}

/// "Delete jar": names the jar and asks; jobs already running from it go on.
#[component]
fn DeleteDialog(jar: JarFile, on_close: Callback<bool>) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let op = use_operation::<()>();
    let running = Signal::derive(move || op.is_running());
    let id = StoredValue::new(jar.id.clone());
    let confirm = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let client = client.clone();
        op.run(async move { client.delete_jar(&id.get_value()).await });
    };
    let name = jar.name;
    let body = move || match op.state.get() {
        OpState::Done(()) => view! {
            <p class="done" role="status">"Jar deleted."</p>
            <CloseButton on_close=Callback::new(move |()| on_close.run(true)) />
        }
        .into_any(),
        _ => view! {
            <form on:submit=confirm.clone()>
                <p class="confirm">{format!("Delete “{name}” from the cluster? Jobs already running from it go on; it cannot be run again until uploaded again.")}</p>
                <Progress op running="Deleting the jar…" />
                <DialogButtons submit="Yes, delete jar" danger=true running cancel="Keep it" on_cancel=Callback::new(move |()| on_close.run(false)) />
            </form>
        }
        .into_any(),
    };
    view! {
        <Modal title="Delete jar" on_close=Callback::new(move |()| on_close.run(op.state.with_untracked(|s| matches!(s, OpState::Done(())))))>
            {body}
        </Modal>
    }
}
