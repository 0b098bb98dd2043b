//! Filtering and sorting of the console's tables, with no UI: the jobs table uses it today, the
//! task manager and subtask tables reuse it. Rows are never copied: the result is the positions
//! of the rows to show, in order.
use std::cmp::Ordering;

/// Which column a table is sorted by, and which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sort<C> {
    /// The column.
    pub column: C,
    /// Smallest first.
    pub ascending: bool,
}

impl<C: Copy + PartialEq> Sort<C> {
    /// A click on a header: the same column flips the order, another starts ascending.
    pub fn toggle(self, column: C) -> Self {
        if self.column == column {
            Self { column, ascending: !self.ascending }
        } else {
            Self { column, ascending: true }
        }
    }

    /// The header's `aria-sort`.
    pub fn aria(self, column: C) -> &'static str {
        match (self.column == column, self.ascending) {
            (false, _) => "none",
            (true, true) => "ascending",
            (true, false) => "descending",
        }
    }

    /// The arrow beside the header's label.
    pub fn arrow(self, column: C) -> &'static str {
        match self.aria(column) {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "",
        }
    }
}

/// A filter text as it is matched: trimmed, ASCII lowercase.
///
/// ASCII case only: Rust's Unicode case tables would add ~9 KB gzip to the wasm, and the names
/// in Flink (jobs, vertices, keys) are mostly ASCII.
pub fn needle(text: &str) -> String {
    text.trim().to_ascii_lowercase()
}

/// Whether `haystack` contains `needle` (from [`needle`]), ignoring ASCII case.
pub fn matches_text(haystack: &str, needle: &str) -> bool {
    needle.is_empty() || haystack.to_ascii_lowercase().contains(needle)
}

/// ASCII-case-insensitive order, for names.
pub fn cmp_text(a: &str, b: &str) -> Ordering {
    a.bytes().map(|b| b.to_ascii_lowercase()).cmp(b.bytes().map(|b| b.to_ascii_lowercase()))
}

/// Positions in `rows` of those that `keep` lets through, ordered by `by` (reversed unless
/// `ascending`), ties broken by `tie` in its own order so a refresh never reshuffles equal rows.
pub fn filter_and_sort<T>(
    rows: &[T],
    keep: impl Fn(&T) -> bool,
    by: impl Fn(&T, &T) -> Ordering,
    ascending: bool,
    tie: impl Fn(&T, &T) -> Ordering,
) -> Vec<usize> {
    let mut shown: Vec<(usize, &T)> = rows.iter().enumerate().filter(|(_, r)| keep(r)).collect();
    shown.sort_by(|(_, a), (_, b)| {
        let order = by(a, b);
        let order = if ascending { order } else { order.reverse() };
        order.then_with(|| tie(a, b))
    });
    shown.into_iter().map(|(i, _)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_both_ways_with_a_stable_tie_break() {
        let rows = [(2, "b"), (1, "a"), (2, "a")];
        let by_number = |a: &(i32, &str), b: &(i32, &str)| a.0.cmp(&b.0);
        let by_name = |a: &(i32, &str), b: &(i32, &str)| a.1.cmp(b.1);
        assert_eq!(filter_and_sort(&rows, |_| true, by_number, true, by_name), vec![1, 2, 0]);
        assert_eq!(filter_and_sort(&rows, |_| true, by_number, false, by_name), vec![2, 0, 1], "ties keep their order");
        assert_eq!(filter_and_sort(&rows, |r| r.1 == "a", by_number, true, by_name), vec![1, 2]);
    }

    #[test]
    fn text_matching_ignores_ascii_case_and_blanks() {
        assert!(matches_text("Stateful Counter", &needle("  COUNTER ")));
        assert!(matches_text("anything", &needle("   ")));
        assert!(!matches_text("source", &needle("sink")));
        assert_eq!(cmp_text("alpha", "Bravo"), Ordering::Less);
    }
}
