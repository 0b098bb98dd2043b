//! The flame graph tab: where a vertex's threads spend their time, sampled by Flink on demand
//! (on-CPU, off-CPU or both; all subtasks or one). A click on a frame zooms into it.
use leptos::prelude::*;

use super::VertexContext;
use crate::app::Cluster;
use crate::app::components::Loaded;
use crate::app::format;
use crate::app::poll::use_poll;
use crate::client::request::FlameGraphType;
use crate::client::{FlameGraphState, FlameNode, VertexFlameGraph};

/// Frames narrower than this share of the graph are left out (they could not be seen).
const MIN_SHARE: f64 = 0.002;
/// At most this many frames are drawn, widest first within each level.
const MAX_FRAMES: usize = 3_000;
const FRAME_PX: f64 = 18.0;
const WIDTH: f64 = 1_000.0;

/// A frame placed in the graph: `x` and `width` are shares of the focused frame (0 to 1).
#[derive(Clone, Debug, PartialEq)]
pub struct FlameRect {
    pub x: f64,
    pub width: f64,
    pub depth: usize,
    pub name: String,
    pub value: u64,
    /// Child indices from the focused frame down to this one (what a click zooms to).
    pub path: Vec<usize>,
}

/// The frame at `path` below `root` (`root` itself for an empty path); `None` when the path no
/// longer exists (a new sample has other frames).
pub fn frame_at<'a>(root: &'a FlameNode, path: &[usize]) -> Option<&'a FlameNode> {
    path.iter().try_fold(root, |node, &i| node.children.get(i))
}

/// The frames of `focus` laid out top-down, root first, each as wide as its share of samples.
/// Iterative, so a deep stack costs no native stack; frames under `MIN_SHARE` and beyond
/// `MAX_FRAMES` are left out.
pub fn flame_layout(focus: &FlameNode) -> Vec<FlameRect> {
    let total = focus.value.max(1) as f64;
    let mut out = Vec::new();
    let mut todo: Vec<(&FlameNode, f64, usize, Vec<usize>)> = vec![(focus, 0.0, 0, Vec::new())];
    while let Some((node, x, depth, path)) = todo.pop() {
        if out.len() >= MAX_FRAMES {
            break;
        }
        let width = node.value as f64 / total;
        out.push(FlameRect { x, width, depth, name: node.name.clone(), value: node.value, path: path.clone() });
        let mut child_x = x;
        // Pushed in reverse, so the leftmost child is laid out first.
        let mut children = Vec::new();
        for (i, child) in node.children.iter().enumerate() {
            let w = child.value as f64 / total;
            if w >= MIN_SHARE {
                let mut p = path.clone();
                p.push(i);
                children.push((child, child_x, depth + 1, p));
            }
            child_x += w;
        }
        todo.extend(children.into_iter().rev());
    }
    out
}

#[component]
pub fn FlameGraphTab() -> impl IntoView {
    let VertexContext { job, vertex, details } = expect_context::<VertexContext>();
    let client = expect_context::<Cluster>().client;
    let kind = RwSignal::new(FlameGraphType::OnCpu);
    let subtask = RwSignal::new(None::<u32>);
    let poll = use_poll(move || {
        let (client, job, vertex) = (client.clone(), job.clone(), vertex.clone());
        let (kind, subtask) = (kind.get_untracked(), subtask.get_untracked());
        async move { client.request_vertex_flame_graph(&job, &vertex, kind, subtask).await }
    });
    // Another type or subtask: ask now, and show nothing of the old one meanwhile.
    Effect::new(move |first: Option<()>| {
        kind.track();
        subtask.track();
        if first.is_some() {
            poll.data.set(None);
            poll.refresh.update(|n| *n = n.wrapping_add(1));
        }
    });
    let parallelism = Memo::new(move |_| details.data.with(|d| d.as_ref().map_or(0, |d| d.parallelism)));
    view! {
        <section class="panel flame-panel">
            <div class="list-tools">
                <fieldset class="flame-type">
                    <legend>"Threads"</legend>
                    {FlameGraphType::ALL.map(|t| view! {
                        <label>
                            <input type="radio" name="flame-type" prop:checked=move || kind.get() == t on:change=move |_| kind.set(t) />
                            {type_label(t)}
                        </label>
                    }).collect_view()}
                </fieldset>
                <label>
                    "Subtask"
                    <select on:change=move |ev| subtask.set(event_target_value(&ev).parse().ok())>
                        <option value="all">"All subtasks"</option>
                        {move || (0..parallelism.get()).map(|i| view! { <option value=i.to_string()>{i.to_string()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <Loaded data=poll loading="Asking Flink for a flame graph…">
                {move || poll.data.get().map(|g| view! { <FlameGraphView graph=g /> })}
            </Loaded>
        </section>
    }
}

fn type_label(t: FlameGraphType) -> &'static str {
    match t {
        FlameGraphType::OnCpu => "On-CPU",
        FlameGraphType::OffCpu => "Off-CPU",
        FlameGraphType::Full => "Mixed",
    }
}

/// The graph Flink sent, or a sentence saying why there is none.
#[component]
pub fn FlameGraphView(graph: VertexFlameGraph) -> impl IntoView {
    let note = match graph.state {
        FlameGraphState::Waiting => Some("Flink is sampling the vertex's threads; the flame graph shows in a few seconds."),
        FlameGraphState::Disabled => Some(
            "Flame graphs are off on this cluster. Set rest.flamegraph.enabled: true in the Flink configuration and restart the JobManager.",
        ),
        FlameGraphState::Terminated => Some("The vertex's tasks are not running, so there is nothing to sample."),
        FlameGraphState::Ready => None,
    };
    match (note, graph.data) {
        // Flink's on-CPU graph of an idle vertex: a root and no samples.
        (None, Some(root)) if root.value == 0 => view! {
            <p class="flame-note" role="status">"No thread of this kind was seen while Flink sampled (an idle vertex is off the CPU): try Off-CPU or Mixed."</p>
        }
        .into_any(),
        (None, Some(root)) => view! { <FlameChart root sampled=graph.end_timestamp /> }.into_any(),
        (note, _) => view! { <p class="flame-note" role="status">{note.unwrap_or("Flink sent no samples.")}</p> }.into_any(),
    }
}

#[component]
fn FlameChart(root: FlameNode, sampled: i64) -> impl IntoView {
    let total = root.value;
    let root = StoredValue::new(root);
    let focus = RwSignal::new(Vec::<usize>::new());
    let frames = Memo::new(move |_| {
        let path = focus.get();
        root.with_value(|r| frame_at(r, &path).or(Some(r)).map(flame_layout).unwrap_or_default())
    });
    let height = move || frames.with(|f| f.iter().map(|r| r.depth + 1).max().unwrap_or(1)) as f64 * FRAME_PX;
    view! {
        <p class="flame-note" role="status">
            {format!("Sampled {} · {total} samples · click a frame to zoom in", format::time(sampled.into()))}
            {move || (!focus.with(Vec::is_empty)).then(|| view! {
                " " <button type="button" class="link" on:click=move |_| focus.set(Vec::new())>"Reset zoom"</button>
            })}
        </p>
        <svg class="flame-graph" viewBox=move || format!("0 0 {WIDTH} {}", height()) role="group" aria-label="Flame graph">
            <For each=move || frames.get() key=|f| (f.path.clone(), f.value) let:frame>
                <Frame frame focus />
            </For>
        </svg>
    }
}

#[component]
fn Frame(frame: FlameRect, focus: RwSignal<Vec<usize>>) -> impl IntoView {
    let (x, w, y) = (frame.x * WIDTH, (frame.width * WIDTH - 0.5).max(0.5), frame.depth as f64 * FRAME_PX);
    // About 7 units a character at this size: the name is cut to what fits.
    let fits = (w / 7.0) as usize;
    let label = if fits >= 4 { shorten(&frame.name, fits) } else { String::new() };
    // Tenths in integers: float formatting would add its code to the chunk.
    let tenths = (frame.width * 1000.0).round() as i64;
    let share = format!("{}.{}", tenths / 10, tenths % 10);
    let title = format!("{} ({} samples, {share}%)", frame.name, frame.value);
    let path = frame.path.clone();
    let zoom = move || {
        let path = path.clone();
        focus.update(|f| f.extend(path));
    };
    let zoom_key = zoom.clone();
    let tabindex = if label.is_empty() { "-1" } else { "0" };
    let tooltip = title.clone();
    let hue = 10 + (frame.name.bytes().fold(0u32, |h, b| h.wrapping_mul(31).wrapping_add(u32::from(b))) % 40);
    view! {
        <g class="frame" role="button" tabindex=tabindex aria-label=title
            on:click=move |_| zoom()
            on:keydown=move |ev| if ev.key() == "Enter" || ev.key() == " " { ev.prevent_default(); zoom_key() }
        >
            <title>{tooltip}</title>
            <rect x=x y=y width=w height=FRAME_PX - 1.0 style:fill=format!("hsl({hue}, 85%, 62%)") />
            <text x=x + 3.0 y=y + 13.0>{label}</text>
        </g>
    }
}

/// `text` cut to `chars` characters, ending in `…` when cut.
fn shorten(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars.saturating_sub(1)) {
        Some((i, _)) if text.chars().count() > chars => format!("{}…", text.get(..i).unwrap_or_default()),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(name: &str, value: u64, children: Vec<FlameNode>) -> FlameNode {
        FlameNode { name: name.into(), value, children }
    }

    #[test]
    fn frames_are_as_wide_as_their_samples_and_children_sit_under_their_parent() {
        let root = node("root", 100, vec![node("a", 60, vec![node("a1", 30, vec![])]), node("b", 40, vec![]), node("tiny", 0, vec![])]);
        let f = flame_layout(&root);
        let find = |n: &str| f.iter().find(|r| r.name == n).unwrap();
        assert_eq!(f.len(), 4, "the zero-sample frame is left out");
        assert_eq!((find("root").x, find("root").width, find("root").depth), (0.0, 1.0, 0));
        assert_eq!((find("a").x, find("a").width, find("a").depth), (0.0, 0.6, 1));
        assert_eq!((find("b").x, find("b").width), (0.6, 0.4));
        assert_eq!((find("a1").depth, find("a1").path.clone()), (2, vec![0, 0]));
    }

    #[test]
    fn zooming_lays_out_the_focused_frame_as_the_whole_width() {
        let root = node("root", 100, vec![node("a", 50, vec![node("a1", 25, vec![])]), node("b", 50, vec![])]);
        let a = frame_at(&root, &[0]).unwrap();
        let f = flame_layout(a);
        assert_eq!((f[0].name.as_str(), f[0].width), ("a", 1.0));
        assert_eq!(f[1].width, 0.5);
        assert!(frame_at(&root, &[5, 1]).is_none(), "a path from an older sample");
    }

    #[test]
    fn a_deep_or_wide_graph_is_capped() {
        let mut deep = node("leaf", 1, vec![]);
        for i in 0..500 {
            deep = node(&format!("f{i}"), 1, vec![deep]);
        }
        assert_eq!(flame_layout(&deep).len(), 501);
        // 500 stacks of 7 frames, each 0.2 %: 3,501 frames, more than are drawn.
        let stack = |i: usize| (0..6).fold(node(&format!("{i}.6"), 2, vec![]), |child, d| node(&format!("{i}.{d}"), 2, vec![child]));
        let wide = node("root", 1_000, (0..500).map(stack).collect());
        assert_eq!(flame_layout(&wide).len(), MAX_FRAMES);
        assert_eq!(flame_layout(&node("root", 10_000, (0..10_000).map(|i| node(&i.to_string(), 1, vec![])).collect())).len(), 1, "invisible frames are left out");
        assert_eq!(shorten("org.apache.flink.Task.run", 8), "org.apa…");
        assert_eq!(shorten("short", 8), "short");
    }
}
