//! Windowed tables: only the rows in view (plus some overscan) are in the DOM, so a refresh with
//! 10,000 rows costs about as much as one with ten. Rows have a fixed height in CSS.
use leptos::prelude::*;

/// The row height of every `.subtask-table` (`style/job.css`): the vertex page's tables and a
/// checkpoint's subtasks.
pub const SUBTASK_ROW_PX: i32 = 36;

/// Rows rendered above and below the visible ones, so fast scrolling shows no gaps.
const OVERSCAN: usize = 10;

/// The scroll state of one windowed table.
#[derive(Clone, Copy)]
pub struct Window {
    /// The positions `[start, end)` of the rows to render.
    pub range: Memo<(usize, usize)>,
    /// The scrolling container.
    pub scroller: NodeRef<leptos::html::Div>,
    scroll_top: RwSignal<i32>,
    len: Signal<usize>,
    row_px: i32,
}

/// A window over `len` rows of `row_px` pixels each, sized to the browser window.
pub fn use_window(len: Signal<usize>, row_px: i32) -> Window {
    let scroll_top = RwSignal::new(0);
    let viewport = RwSignal::new(viewport_height());
    let resize = window_event_listener(leptos::ev::resize, move |_| viewport.set(viewport_height()));
    on_cleanup(move || resize.remove());
    // Changes only when scrolling crosses a row, not on every scroll event.
    let range = Memo::new(move |_| {
        let len = len.get();
        let first = usize::try_from(scroll_top.get() / row_px.max(1)).unwrap_or(0);
        let shown = usize::try_from(viewport.get() / row_px.max(1)).unwrap_or(0) + 1;
        let start = first.saturating_sub(OVERSCAN).min(len);
        (start, (first + shown + OVERSCAN).min(len))
    });
    Window { range, scroller: NodeRef::new(), scroll_top, len, row_px }
}

impl Window {
    /// For the container's `on:scroll`.
    pub fn on_scroll(&self) {
        if let Some(el) = self.scroller.get_untracked() {
            self.scroll_top.set(el.scroll_top());
        }
    }

    /// Back to the first row (after the filter or the order changed).
    pub fn to_top(&self) {
        if let Some(el) = self.scroller.get_untracked() {
            el.set_scroll_top(0);
        }
        self.scroll_top.set(0);
    }

    /// The height of the spacer row above the rendered ones.
    pub fn above(&self) -> String {
        self.spacer(self.range.get().0)
    }

    /// The height of the spacer row below the rendered ones.
    pub fn below(&self) -> String {
        self.spacer(self.len.get().saturating_sub(self.range.get().1))
    }

    // A CSS length, set through the CSSOM (`style:height`), not a `style` attribute: the
    // console's own styles stay out of inline style, which its Content-Security-Policy allows
    // only for the profiler's flame graph frame (Trunk.toml).
    fn spacer(&self, rows: usize) -> String {
        format!("{}px", i64::try_from(rows).unwrap_or(0) * i64::from(self.row_px))
    }
}

fn viewport_height() -> i32 {
    let height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64());
    height.map_or(900, |h| h as i32)
}

/// A windowed table whose rows are drawn by position: `row(i)` is the `i`-th row of the data
/// as ordered, and reads it reactively, so scrolling or new data redraws cells, not rows.
/// `header` is the `<thead>`; `empty` shows while there are no rows.
#[component]
pub fn WindowedTable<R, V>(
    /// The region's accessible name (the table scrolls inside it).
    label: &'static str,
    /// The table's class, besides `windowed`; its CSS gives rows exactly `row_px`.
    class: &'static str,
    /// How many rows there are.
    len: Signal<usize>,
    row_px: i32,
    columns: u32,
    header: AnyView,
    row: R,
    empty: &'static str,
) -> impl IntoView
where
    R: Fn(usize) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let window = use_window(len, row_px);
    let rows = move || {
        let (start, end) = window.range.get();
        start..end
    };
    view! {
        <div class="table-scroll" node_ref=window.scroller tabindex="0" role="region" aria-label=label on:scroll=move |_| window.on_scroll()>
            <table class=format!("windowed {class}")>
                {header}
                <tbody>
                    <tr class="spacer" aria-hidden="true"><td colspan=columns style:height=move || window.above()></td></tr>
                    <For each=rows key=|i| *i children=row />
                    <tr class="spacer" aria-hidden="true"><td colspan=columns style:height=move || window.below()></td></tr>
                    {move || (len.get() == 0).then(|| view! { <tr><td colspan=columns class="empty">{empty}</td></tr> })}
                </tbody>
            </table>
        </div>
    }
}

/// A sortable column header: a button that flips or picks the order, with `aria-sort`.
pub fn sort_header<C>(label: &'static str, column: C, sort: RwSignal<crate::app::list::Sort<C>>, num: bool, on_sort: impl Fn() + 'static) -> impl IntoView
where
    C: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <th scope="col" class=num.then_some("num") aria-sort=move || sort.get().aria(column)>
            <button type="button" class="sort" on:click=move |_| {
                sort.update(|s| *s = s.toggle(column));
                on_sort();
            }>
                {label}
                <span class="arrow" aria-hidden="true">{move || sort.get().arrow(column)}</span>
            </button>
        </th>
    }
}
