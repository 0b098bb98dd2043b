//! The job graph: a layered left-to-right layout of the plan (pure, unit-tested) and its SVG.
use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use crate::app::poll::timing;
use crate::app::{format, href};
use crate::client::{JobId, JobPlan, JobVertex, VertexFlow, VertexId};

pub const NODE_WIDTH: f64 = 220.0;
/// Room for two lines of name, the parallelism and three lines of metrics.
pub const NODE_HEIGHT: f64 = 120.0;
const GAP_X: f64 = 90.0;
const GAP_Y: f64 = 28.0;
const MARGIN: f64 = 12.0;
const LINE_CHARS: usize = 30;
const MAX_LINES: usize = 2;

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedNode {
    pub id: VertexId,
    pub lines: Vec<String>,
    pub parallelism: u32,
    pub status: String,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlacedEdge {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphLayout {
    pub nodes: Vec<PlacedNode>,
    pub edges: Vec<PlacedEdge>,
    pub width: f64,
    pub height: f64,
}

/// The layout of `plan` (see `place`), timed as the User Timing measure `graph-layout`, which
/// `bench/big.mjs` reads for a 500-vertex job.
pub fn layout(plan: &JobPlan, vertices: &[JobVertex]) -> GraphLayout {
    let started = timing::now();
    let placed = place(plan, vertices);
    timing::measure("graph-layout", started);
    placed
}

/// Each node's layer is the length of the longest path from a source to it; nodes keep plan
/// order within a layer. Inputs naming unknown nodes are ignored, and a cycle (which a job
/// graph cannot have) stops growing after as many rounds as there are nodes.
fn place(plan: &JobPlan, vertices: &[JobVertex]) -> GraphLayout {
    let index: BTreeMap<&VertexId, usize> = plan.nodes.iter().enumerate().map(|(i, n)| (&n.id, i)).collect();
    let mut layer = vec![0usize; plan.nodes.len()];
    for _ in 0..plan.nodes.len() {
        let mut changed = false;
        for (i, node) in plan.nodes.iter().enumerate() {
            for input in &node.inputs {
                if let Some(&j) = index.get(&input.id) {
                    let wanted = layer.get(j).copied().unwrap_or(0) + 1;
                    if let Some(l) = layer.get_mut(i).filter(|l| **l < wanted) {
                        *l = wanted;
                        changed = true;
                    }
                }
            }
        }
        if !changed {
            break;
        }
    }

    let mut row_in_layer: BTreeMap<usize, usize> = BTreeMap::new();
    let nodes: Vec<PlacedNode> = plan
        .nodes
        .iter()
        .zip(&layer)
        .map(|(node, &l)| {
            let row = row_in_layer.entry(l).or_insert(0);
            let (x, y) = (MARGIN + l as f64 * (NODE_WIDTH + GAP_X), MARGIN + *row as f64 * (NODE_HEIGHT + GAP_Y));
            *row += 1;
            let vertex = vertices.iter().find(|v| v.id == node.id);
            let name = vertex.map(|v| v.name.clone()).unwrap_or_else(|| description_text(&node.description));
            PlacedNode {
                id: node.id.clone(),
                lines: wrap(&name, LINE_CHARS, MAX_LINES),
                parallelism: vertex.map_or(node.parallelism, |v| v.parallelism),
                status: vertex.map(|v| v.status.to_string()).unwrap_or_default(),
                x,
                y,
            }
        })
        .collect();

    let position: BTreeMap<&VertexId, (f64, f64)> = nodes.iter().map(|n| (&n.id, (n.x, n.y))).collect();
    let edges = plan
        .nodes
        .iter()
        .flat_map(|node| node.inputs.iter().map(move |input| (node, input)))
        .filter_map(|(node, input)| {
            let (sx, sy) = *position.get(&input.id)?;
            let (tx, ty) = *position.get(&node.id)?;
            Some(PlacedEdge {
                from: (sx + NODE_WIDTH, sy + NODE_HEIGHT / 2.0),
                to: (tx, ty + NODE_HEIGHT / 2.0),
                label: input.ship_strategy.clone().unwrap_or_default(),
            })
        })
        .collect();

    let layers = layer.iter().max().map_or(0, |m| m + 1);
    let rows = row_in_layer.values().max().copied().unwrap_or(0);
    GraphLayout {
        nodes,
        edges,
        width: 2.0 * MARGIN + layers as f64 * NODE_WIDTH + layers.saturating_sub(1) as f64 * GAP_X,
        height: 2.0 * MARGIN + rows as f64 * NODE_HEIGHT + rows.saturating_sub(1) as f64 * GAP_Y,
    }
}

/// Flink's plan description (`Stateful Counter<br/>+- Discard Sink: Writer<br/>`) as one line.
pub fn description_text(description: &str) -> String {
    description
        .split("<br/>")
        .map(|part| part.trim().trim_start_matches("+-").trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// Word-wraps `text` into at most `max_lines` lines of about `width` characters; the last line
/// ends in `…` when text was left out.
pub fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
        .into_iter()
        .map(|l| match l.char_indices().nth(width + 1) {
            Some((i, _)) => format!("{}…", &l[..i]),
            None => l,
        })
        .collect()
}

/// The metrics shown in the graph, per vertex (`VertexFlow`); a vertex without any shows dashes.
pub type Flows = BTreeMap<VertexId, VertexFlow>;

/// How a vertex is coloured. Back pressure first: a vertex that waits on its downstream is not
/// the bottleneck, the busy one after it is. Thresholds are Flink's (back pressure: 10 % low,
/// 50 % high; busy: its UI's red from half the time).
pub fn load_class(flow: Option<&VertexFlow>) -> &'static str {
    let Some(f) = flow else { return "load-unknown" };
    match (f.backpressured_max.unwrap_or(0.0), f.busy_max.unwrap_or(0.0)) {
        (bp, _) if bp > 500.0 => "load-backpressured-high",
        (bp, _) if bp >= 100.0 => "load-backpressured",
        (_, busy) if busy >= 800.0 => "load-busy-high",
        (_, busy) if busy >= 500.0 => "load-busy",
        _ => "load-ok",
    }
}

/// The plan as an SVG: boxes with the vertex name, parallelism and (given `flows`) busy and
/// back-pressured share, records per second and low watermark; arrows labelled with the ship
/// strategy. All labels are SVG text nodes. Given `job`, each box links to its vertex page;
/// given `seen`, it holds the vertices in view (so only those need metrics).
#[component]
pub fn JobGraph(
    layout: GraphLayout,
    #[prop(optional)] job: Option<JobId>,
    #[prop(optional, into)] flows: Option<Signal<Flows>>,
    #[prop(optional)] seen: Option<RwSignal<BTreeSet<VertexId>>>,
) -> impl IntoView {
    let GraphLayout { nodes, edges, width, height } = layout;
    let view_box = format!("0 0 {width} {height}");
    let svg = NodeRef::<leptos::svg::Svg>::new();
    if let Some(seen) = seen {
        watch_visible(svg, seen);
    }
    view! {
        <svg class="job-graph" node_ref=svg viewBox=view_box width=width height=height role="group" aria-label="Job graph">
            <defs>
                <marker id="job-graph-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto">
                    <path d="M0,0 L10,5 L0,10 z" />
                </marker>
            </defs>
            {edges.into_iter().map(|e| view! { <GraphEdge edge=e /> }).collect_view()}
            {nodes.into_iter().map(|n| {
                let id = n.id.clone();
                // A memo per node: a new answer redraws only the boxes whose figures moved, and
                // reading the map never copies it (500 vertices: 500 lookups, not 500 copies).
                let flow = flows.map(|f| Signal::from(Memo::new(move |_| f.with(|f| f.get(&id).copied()))));
                let href = job.as_ref().map(|j| href(&format!("/jobs/{j}/vertices/{}", n.id)));
                view! { <GraphNode node=n flow href /> }
            }).collect_view()}
        </svg>
    }
}

#[component]
fn GraphEdge(edge: PlacedEdge) -> impl IntoView {
    let ((x1, y1), (x2, y2)) = (edge.from, edge.to);
    let mid = (x1 + x2) / 2.0;
    let path = format!("M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}");
    view! {
        <g class="edge">
            <path d=path marker-end="url(#job-graph-arrow)" />
            <text x=mid y=(y1 + y2) / 2.0 - 6.0 text-anchor="middle">{edge.label}</text>
        </g>
    }
}

/// A vertex's box; a link to its page when `href` is given. Only the metric lines redraw when
/// new metrics come.
#[component]
fn GraphNode(node: PlacedNode, flow: Option<Signal<Option<VertexFlow>>>, href: Option<String>) -> impl IntoView {
    let status = format!("node status-{}", node.status.to_ascii_lowercase());
    let class = move || match flow {
        Some(f) => format!("{status} {}", f.with(|f| load_class(f.as_ref()))),
        None => status.clone(),
    };
    let cx = node.x + NODE_WIDTH / 2.0;
    let line = |n: usize| node.y + 20.0 + 16.0 * n as f64;
    let name_lines = node.lines.len();
    let label = node.lines.join(" ");
    // Before the first answer every figure is a dash (`VertexFlow::default()`).
    let metric = move |f: fn(Option<&VertexFlow>) -> String| move || f(flow.and_then(|s| s.get()).as_ref());
    let busy_width = move || flow.and_then(|s| s.get()).and_then(|f| f.busy_max).map_or(0.0, |b| b.clamp(0.0, 1000.0) / 1000.0 * (NODE_WIDTH - 16.0));
    let body = view! {
        <rect x=node.x y=node.y width=NODE_WIDTH height=NODE_HEIGHT rx="6" />
        <text x=cx y=line(0) text-anchor="middle" class="name">
            {node.lines.into_iter().enumerate().map(|(i, line)| view! {
                <tspan x=cx dy=if i == 0 { "0" } else { "16" }>{line}</tspan>
            }).collect_view()}
        </text>
        <text x=cx y=line(name_lines) text-anchor="middle" class="parallelism">{format!("Parallelism: {}", node.parallelism)}</text>
        {flow.map(|_| view! {
            <text x=cx y=line(name_lines + 1) text-anchor="middle" class="flow">
                {metric(|f| {
                    let f = f.copied().unwrap_or_default();
                    format!("Busy {} · Backpressured {}", format::per_mille_second(f.busy_max), format::per_mille_second(f.backpressured_max))
                })}
            </text>
            <text x=cx y=line(name_lines + 2) text-anchor="middle" class="flow">
                {metric(|f| {
                    let f = f.copied().unwrap_or_default();
                    format!("In {}/s · Out {}/s", format::amount(f.records_in), format::amount(f.records_out))
                })}
            </text>
            <text x=cx y=line(name_lines + 3) text-anchor="middle" class="flow watermark">
                {metric(|f| match f.map(|f| f.low_watermark) {
                    None => "Watermark –".into(),
                    Some(None) => "No watermark".into(),
                    Some(Some(w)) => format!("Watermark {}", format::time(w.into())),
                })}
            </text>
            <rect class="busy-bar" x=node.x + 8.0 y=node.y + NODE_HEIGHT - 8.0 width=busy_width height="4" rx="2" />
        })}
    };
    let vertex = node.id.to_string();
    match href {
        Some(href) => {
            let navigate = leptos_router::hooks::use_navigate();
            let to = href.clone();
            // The router follows HTML links only; an SVG link would reload the whole console.
            let follow = move |ev: web_sys::MouseEvent| {
                if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
                    ev.prevent_default();
                    navigate(&to, Default::default());
                }
            };
            view! {
                <g class=class data-vertex=vertex>
                    <a href=href aria-label=format!("Vertex {label}") on:click=follow>{body}</a>
                </g>
            }
            .into_any()
        }
        None => view! { <g class=class data-vertex=vertex>{body}</g> }.into_any(),
    }
}

/// Keeps `seen` to the vertices whose boxes are in (or near) the browser's view.
fn watch_visible(svg: NodeRef<leptos::svg::Svg>, seen: RwSignal<BTreeSet<VertexId>>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    let held = StoredValue::new_local(None::<(web_sys::IntersectionObserver, Closure<dyn FnMut(js_sys::Array)>)>);
    Effect::new(move |_| {
        let Some(svg) = svg.get() else { return };
        let changed = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            seen.update(|seen| {
                for entry in entries.iter().filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok()) {
                    let Some(id) = entry.target().get_attribute("data-vertex").and_then(|v| VertexId::parse(&v).ok()) else { continue };
                    if entry.is_intersecting() {
                        seen.insert(id);
                    } else {
                        seen.remove(&id);
                    }
                }
            });
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("200px");
        let Ok(observer) = web_sys::IntersectionObserver::new_with_options(changed.as_ref().unchecked_ref(), &options) else { return };
        if let Ok(nodes) = svg.query_selector_all("g[data-vertex]") {
            for node in (0..nodes.length()).filter_map(|i| nodes.item(i)).filter_map(|n| n.dyn_into::<web_sys::Element>().ok()) {
                observer.observe(&node);
            }
        }
        held.set_value(Some((observer, changed)));
    });
    on_cleanup(move || {
        held.try_with_value(|h| {
            if let Some((observer, _)) = h {
                observer.disconnect();
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::{PlanInput, PlanNode};

    fn id(n: u8) -> VertexId {
        VertexId::parse(&format!("{n:032x}")).unwrap()
    }

    fn node(n: u8, inputs: &[u8]) -> PlanNode {
        PlanNode {
            id: id(n),
            parallelism: 1,
            description: format!("Op {n}<br/>"),
            inputs: inputs
                .iter()
                .map(|i| PlanInput { id: id(*i), ship_strategy: Some("HASH".into()), exchange: None })
                .collect(),
        }
    }

    fn plan(nodes: Vec<PlanNode>) -> JobPlan {
        JobPlan { name: "p".into(), job_type: None, nodes }
    }

    #[test]
    fn a_chain_goes_left_to_right_with_edges_between_box_sides() {
        let g = layout(&plan(vec![node(1, &[]), node(2, &[1])]), &[]);
        assert_eq!(g.nodes.len(), 2);
        assert!(g.nodes[1].x > g.nodes[0].x);
        assert_eq!(g.nodes[0].y, g.nodes[1].y);
        assert_eq!(g.edges.len(), 1);
        assert_eq!(g.edges[0].from, (g.nodes[0].x + NODE_WIDTH, g.nodes[0].y + NODE_HEIGHT / 2.0));
        assert_eq!(g.edges[0].to, (g.nodes[1].x, g.nodes[1].y + NODE_HEIGHT / 2.0));
        assert_eq!(g.edges[0].label, "HASH");
        assert!(g.width >= g.nodes[1].x + NODE_WIDTH);
        assert!(g.height >= NODE_HEIGHT);
    }

    #[test]
    fn a_diamond_puts_the_join_after_its_longest_input() {
        // 1 -> 2 -> 3 -> 4 and 1 -> 4: node 4 goes after 3, not beside 2.
        let g = layout(&plan(vec![node(1, &[]), node(2, &[1]), node(3, &[2]), node(4, &[1, 3])]), &[]);
        let xs: Vec<f64> = g.nodes.iter().map(|n| n.x).collect();
        assert!(xs[0] < xs[1] && xs[1] < xs[2] && xs[2] < xs[3]);
        assert_eq!(g.edges.len(), 4);
    }

    #[test]
    fn parallel_sources_stack_in_one_layer() {
        let g = layout(&plan(vec![node(1, &[]), node(2, &[]), node(3, &[1, 2])]), &[]);
        assert_eq!(g.nodes[0].x, g.nodes[1].x);
        assert!(g.nodes[1].y > g.nodes[0].y);
        assert!(g.height >= g.nodes[1].y + NODE_HEIGHT);
    }

    #[test]
    fn unknown_inputs_and_cycles_do_not_break_the_layout() {
        let g = layout(&plan(vec![node(1, &[2, 9]), node(2, &[1])]), &[]);
        assert_eq!(g.nodes.len(), 2);
        assert_eq!(g.edges.len(), 2, "the edge from the unknown node 9 is dropped");
        assert!(layout(&plan(vec![]), &[]).nodes.is_empty());
    }

    #[test]
    fn labels_come_from_the_vertex_names_or_the_description() {
        assert_eq!(description_text("Stateful Counter<br/>+- Discard Sink: Writer<br/>"), "Stateful Counter -> Discard Sink: Writer");
        let g = layout(&plan(vec![node(1, &[])]), &[]);
        assert_eq!(g.nodes[0].lines, vec!["Op 1".to_string()]);
    }

    #[test]
    fn vertices_are_coloured_by_back_pressure_first_then_by_busy() {
        let flow = |busy: f64, bp: f64| VertexFlow { busy_max: Some(busy), backpressured_max: Some(bp), ..Default::default() };
        assert_eq!(load_class(None), "load-unknown");
        assert_eq!(load_class(Some(&VertexFlow::default())), "load-ok");
        assert_eq!(load_class(Some(&flow(900.0, 600.0))), "load-backpressured-high", "waiting on its downstream is not the bottleneck");
        assert_eq!(load_class(Some(&flow(100.0, 100.0))), "load-backpressured");
        assert_eq!(load_class(Some(&flow(850.0, 99.0))), "load-busy-high");
        assert_eq!(load_class(Some(&flow(500.0, 0.0))), "load-busy");
        assert_eq!(load_class(Some(&flow(499.0, 0.0))), "load-ok");
    }

    #[test]
    fn long_names_wrap_and_are_cut_with_an_ellipsis() {
        assert_eq!(wrap("Count per key -> Discard: Writer", 20, 2), vec!["Count per key ->", "Discard: Writer"]);
        let lines = wrap("a b c d e f g h i j k l m n o p", 3, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert_eq!(wrap("", 10, 2), Vec::<String>::new());
        assert!(wrap(&"x".repeat(100), 10, 2)[0].chars().count() <= 12);
    }
}
