use leptos::prelude::*;

/// A table's header row; `true` marks a numeric (right-aligned) column.
pub fn table_head(columns: &'static [(&'static str, bool)]) -> impl IntoView {
    view! {
        <thead>
            <tr>
                {columns.iter().map(|(label, num)| view! { <th scope="col" class=num.then_some("num")>{*label}</th> }).collect_view()}
            </tr>
        </thead>
    }
}

/// A table cell with a class (`num`, `path`, …); text from Flink stays text.
pub fn cell(text: String, class: &'static str) -> impl IntoView {
    view! { <td class=class>{text}</td> }
}
