//! The log viewer: a file Flink serves whole, read as it arrives, shown from its end (where the
//! news is) a page of lines at a time, with search, ERROR/WARN marks, wrapping, following and a
//! download link. Flink sends no `Range`, so following reads the file again and keeps only what
//! is new; it is off until asked for.
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::logtext::{Level, LogText, split_matches};
use crate::app::Cluster;
use crate::app::components::ErrorNote;
use crate::app::format;
use crate::client::ClientError;
use crate::client::request::{Request, Text};

/// Lines shown at once, and added by "Show earlier lines".
pub const PAGE: usize = 1_000;
/// While following, how often the file is read again.
const FOLLOW_MS: u32 = 5_000;
/// While a file arrives, the shown lines catch up at most this often.
const REDRAW_MS: f64 = 250.0;

#[derive(Clone, Debug, PartialEq)]
enum Reading {
    Busy,
    Done,
    Failed(ClientError),
}

/// Which lines are shown: `start..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shown {
    pub start: usize,
    pub end: usize,
}

impl Shown {
    /// The last page of `lines`.
    pub fn tail(lines: usize) -> Self {
        Self { start: lines.saturating_sub(PAGE), end: lines }
    }

    /// A page around `line`, so a match out of view can be shown.
    pub fn around(line: usize, lines: usize) -> Self {
        let start = line.saturating_sub(PAGE / 2).min(lines.saturating_sub(PAGE));
        Self { start, end: (start + PAGE).min(lines) }
    }

    /// One page more at the top.
    pub fn earlier(self) -> Self {
        Self { start: self.start.saturating_sub(PAGE), ..self }
    }

    /// After the file grew from `before` lines to `lines`: the first lines show the last page;
    /// a view at the end moves with it (keeping at most five pages); a view moved up stays.
    pub fn grown(self, before: usize, lines: usize) -> Self {
        if before == 0 {
            return Self::tail(lines);
        }
        if self.end < before {
            return self;
        }
        Self { start: self.start.max(lines.saturating_sub(PAGE * 5)).min(lines.saturating_sub(PAGE)), end: lines }
    }
}

/// Views the file `file` (a log or stdout), named `name` in labels and the download.
#[component]
pub fn LogViewer(name: String, file: Request<Text>) -> impl IntoView {
    let client = expect_context::<Cluster>().client;
    let link = client.url(&file);
    // In a StoredValue so the reader below is `Copy`, for the follow loop to call again.
    let client = StoredValue::new(client);
    let text = StoredValue::new(LogText::default());
    // Bumped when `text` changed: what the view tracks instead of the (unclonable) text.
    let version = RwSignal::new(0u32);
    let reading = RwSignal::new(Reading::Busy);
    let shown = RwSignal::new(Shown::tail(0));
    // The lines there were at the last redraw: whether the view was at the end.
    let drawn = RwSignal::new(0usize);
    let query = Query { text: RwSignal::new(String::new()), current: RwSignal::new(None) };
    let (wrap, follow) = (RwSignal::new(false), RwSignal::new(false));
    let file = StoredValue::new(file);

    // Reads the file; `keep` bytes are already held (following), so only what comes after them
    // is added. A file that shrank was replaced (rotated): it is read again from the start.
    let read = move |keep: usize| {
        spawn_local(async move {
            let (Some(request), Some(client)) = (file.try_get_value(), client.try_get_value()) else { return };
            let (mut seen, mut added) = (0usize, false);
            let mut redrawn_at = js_sys::Date::now();
            let result = client
                .read_file(&request, &mut |piece| {
                    let skip = keep.saturating_sub(seen).min(piece.len());
                    seen += piece.len();
                    if let Some(new) = piece.get(skip..).filter(|n| !n.is_empty()) {
                        added = true;
                        text.try_update_value(|t| t.push(new));
                        if js_sys::Date::now() - redrawn_at > REDRAW_MS {
                            redrawn_at = js_sys::Date::now();
                            show_new(text, shown, drawn, version);
                        }
                    }
                })
                .await;
            match result {
                // Shrunk: dropped here, read whole at the next round of following.
                Ok(total) if (total as usize) < keep => {
                    text.try_set_value(LogText::default());
                    shown.try_set(Shown::tail(0));
                    drawn.try_set(0);
                    added = true;
                    reading.try_set(Reading::Done);
                }
                Ok(_) => {
                    reading.try_set(Reading::Done);
                }
                Err(e) => {
                    reading.try_set(Reading::Failed(e));
                }
            }
            // A round of following that brought nothing redraws nothing (and scrolls nowhere).
            if added || keep == 0 {
                show_new(text, shown, drawn, version);
            }
        });
    };
    read(0);
    // Following: read again every few seconds while the box is ticked and the viewer is open.
    // Each tick of the box starts one loop; `round` ends the loop of an earlier tick.
    let round = StoredValue::new(0u32);
    Effect::new(move |_| {
        if !follow.get() {
            return;
        }
        round.update_value(|r| *r = r.wrapping_add(1));
        let mine = round.get_value();
        spawn_local(async move {
            loop {
                gloo_timers::future::TimeoutFuture::new(FOLLOW_MS).await;
                if !follow.try_get_untracked().unwrap_or(false) || round.try_get_value() != Some(mine) {
                    return;
                }
                if reading.try_get_untracked() != Some(Reading::Busy) {
                    reading.try_set(Reading::Busy);
                    read(text.try_with_value(LogText::size).unwrap_or(0));
                }
            }
        });
    });

    let status = move || {
        version.track();
        let (size, lines) = text.with_value(|t| (t.size(), t.lines()));
        let Shown { start, end } = shown.get();
        let range = if lines == 0 { "empty".to_string() } else { format!("lines {}–{end} of {lines}", start + 1) };
        let size = format::bytes((size as i64).into());
        match reading.get() {
            Reading::Busy => format!("Reading… {size} so far, {range}"),
            _ => format!("{size}, {range}"),
        }
    };
    let failed = move || match reading.get() {
        Reading::Failed(error) => Some(view! { <ErrorNote error /> }),
        _ => None,
    };
    view! {
        <section class="log-viewer" aria-label=format!("Log {name}")>
            <div class="list-tools log-tools">
                <LogSearch text version shown query />
                <label><input type="checkbox" prop:checked=move || wrap.get() on:change=move |e| wrap.set(event_target_checked(&e)) />" Wrap lines"</label>
                <label><input type="checkbox" prop:checked=move || follow.get() on:change=move |e| follow.set(event_target_checked(&e)) />" Follow"</label>
                // rel=external: a file, not a console route for the router to take.
                <a href=link download=name.clone() rel="external">{format!("Download {name}")}</a>
            </div>
            <p class="hint" role="status">{status}</p>
            {failed}
            {move || (shown.get().start > 0).then(|| view! {
                <button type="button" on:click=move |_| shown.update(|s| *s = s.earlier())>"Show earlier lines"</button>
            })}
            <LogLines text version shown wrap query name=name.clone() />
            {move || {
                version.track();
                let lines = text.with_value(LogText::lines);
                (shown.get().end < lines).then(|| view! {
                    <button type="button" on:click=move |_| shown.set(Shown::tail(lines))>"Show the last lines"</button>
                })
            }}
        </section>
    }
}

/// Shows what came since the last redraw.
fn show_new(text: StoredValue<LogText>, shown: RwSignal<Shown>, drawn: RwSignal<usize>, version: RwSignal<u32>) {
    let Some(lines) = text.try_with_value(LogText::lines) else { return };
    let before = drawn.try_get_untracked().unwrap_or(0);
    shown.try_update(|s| *s = s.grown(before, lines));
    drawn.try_set(lines);
    version.try_update(|v| *v = v.wrapping_add(1));
}

/// Search: the matching lines, and which of them is current; Enter or "Next match" moves on.
#[component]
fn LogSearch(text: StoredValue<LogText>, version: RwSignal<u32>, shown: RwSignal<Shown>, query: Query) -> impl IntoView {
    let matches = RwSignal::new(Vec::<usize>::new());
    let current = query.current;
    let go = move |forward: bool| {
        let needle = query.text.get_untracked();
        if needle.trim().is_empty() {
            matches.set(Vec::new());
            current.set(None);
            return;
        }
        // Searched on demand, not per key: a 100 MB log takes a moment.
        let found = text.with_value(|t| t.find(&needle));
        let lines = text.with_value(LogText::lines);
        let at = current.get_untracked();
        let next = match (forward, at) {
            (_, None) => found.iter().rposition(|_| true),
            (true, Some(line)) => found.iter().position(|&m| m > line).or(if found.is_empty() { None } else { Some(0) }),
            (false, Some(line)) => found.iter().rposition(|&m| m < line).or(found.len().checked_sub(1)),
        };
        let line = next.and_then(|i| found.get(i).copied());
        if let Some(line) = line {
            let Shown { start, end } = shown.get_untracked();
            if line < start || line >= end {
                shown.set(Shown::around(line, lines));
            }
        }
        matches.set(found);
        current.set(line);
        version.update(|v| *v = v.wrapping_add(1));
    };
    let summary = move || {
        let found = matches.get();
        match (current.get(), query.text.with(|t| t.trim().is_empty())) {
            (_, true) => String::new(),
            (None, false) if found.is_empty() => "No match".into(),
            (None, false) => format!("{} matching lines", found.len()),
            (Some(line), false) => {
                let n = found.iter().position(|&m| m == line).map_or(0, |i| i + 1);
                let capped = if found.len() == super::logtext::MAX_MATCHES { "+" } else { "" };
                format!("line {}: match {n} of {}{capped}", line + 1, found.len())
            }
        }
    };
    view! {
        <form class="log-search" role="search" on:submit=move |e| { e.prevent_default(); go(true) }>
            <label>"Search the log "
                <input type="search" prop:value=move || query.text.get() on:input=move |e| { query.text.set(event_target_value(&e)); current.set(None); } />
            </label>
            <button type="button" on:click=move |_| go(false)>"Previous match"</button>
            <button type="submit">"Next match"</button>
            <span class="hint" aria-live="polite">{summary}</span>
        </form>
    }
}

/// What the search box holds and which matching line is current: shared by the search and the
/// lines, which mark it.
#[derive(Clone, Copy)]
pub struct Query {
    text: RwSignal<String>,
    current: RwSignal<Option<usize>>,
}

/// The shown lines, numbered as in the file; the current match is scrolled to.
#[component]
fn LogLines(text: StoredValue<LogText>, version: RwSignal<u32>, shown: RwSignal<Shown>, wrap: RwSignal<bool>, query: Query, name: String) -> impl IntoView {
    let list = NodeRef::<leptos::html::Ol>::new();
    let lines = move || {
        version.track();
        let Shown { start, end } = shown.get();
        let current = query.current.get();
        let needle = query.text.get_untracked();
        text.with_value(|t| {
            (start..end)
                .map(|i| {
                    let line = t.line(i).map(|l| l.into_owned()).unwrap_or_default();
                    let level = match t.level(i) {
                        Some(Level::Error) => " error",
                        Some(Level::Warn) => " warn",
                        None => "",
                    };
                    let is_current = current == Some(i);
                    let class = format!("line{level}{}", if is_current { " current" } else { "" });
                    let pieces = if is_current { split_matches(&line, needle.trim()).into_iter().map(|(p, m)| (p.to_string(), m)).collect() } else { vec![(line, false)] };
                    view! {
                        <li class=class data-current=is_current.then_some("true")>
                            {pieces.into_iter().map(|(p, m)| if m { view! { <mark>{p}</mark> }.into_any() } else { p.into_any() }).collect_view()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // After drawing: the current match into view, else (reading, following) the end.
    Effect::new(move |_| {
        version.track();
        shown.track();
        let current = query.current.get();
        let Some(list) = list.get() else { return };
        let target = match current {
            Some(_) => list.query_selector("li[data-current]").ok().flatten(),
            None => list.last_element_child(),
        };
        if let Some(el) = target {
            // Aligned to the bottom of the view: the last line, or a match, with what led to it above.
            el.scroll_into_view_with_bool(false);
        }
    });
    view! {
        <div class="log-scroll" tabindex="0" role="region" aria-label=format!("Lines of {name}")>
            <ol node_ref=list class=move || if wrap.get() { "log-lines wrap" } else { "log-lines" } start=move || shown.get().start + 1>
                {lines}
            </ol>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_view_starts_at_the_end_and_pages_up() {
        assert_eq!(Shown::tail(5_000), Shown { start: 4_000, end: 5_000 });
        assert_eq!(Shown::tail(10), Shown { start: 0, end: 10 });
        assert_eq!(Shown::tail(5_000).earlier().earlier(), Shown { start: 2_000, end: 5_000 });
        assert_eq!(Shown { start: 300, end: 900 }.earlier(), Shown { start: 0, end: 900 });
    }

    #[test]
    fn a_view_at_the_end_follows_new_lines_and_one_scrolled_up_stays() {
        assert_eq!(Shown::tail(0).grown(0, 3_000), Shown { start: 2_000, end: 3_000 });
        assert_eq!(Shown { start: 2_000, end: 3_000 }.grown(3_000, 3_010), Shown { start: 2_000, end: 3_010 });
        // Pages asked for stay, up to five.
        assert_eq!(Shown { start: 0, end: 3_000 }.grown(3_000, 3_010), Shown { start: 0, end: 3_010 });
        assert_eq!(Shown { start: 0, end: 3_000 }.grown(3_000, 9_000), Shown { start: 4_000, end: 9_000 });
        let up = Shown { start: 100, end: 1_100 };
        assert_eq!(up.grown(3_000, 4_000), up);
    }

    #[test]
    fn a_match_out_of_view_gets_a_page_around_it() {
        assert_eq!(Shown::around(2_000, 10_000), Shown { start: 1_500, end: 2_500 });
        assert_eq!(Shown::around(10, 10_000), Shown { start: 0, end: 1_000 });
        assert_eq!(Shown::around(9_990, 10_000), Shown { start: 9_000, end: 10_000 });
        assert_eq!(Shown::around(5, 20), Shown { start: 0, end: 20 });
    }
}
