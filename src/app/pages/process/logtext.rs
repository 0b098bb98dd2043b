//! A log file as the viewer holds it: the bytes as they came, and where each line starts. A
//! 100 MB log is one buffer and an index of offsets, never a string per line; a line becomes
//! text only when it is shown.
use std::borrow::Cow;

/// How loud a line is, from its log4j level (Flink's pattern puts it after the timestamp).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warn,
}

/// The file so far, appended to piece by piece.
#[derive(Debug, Default)]
pub struct LogText {
    bytes: Vec<u8>,
    /// Offset of every line's first byte after the first line's (which starts at 0).
    starts: Vec<usize>,
}

/// Search finds at most this many matching lines: enough to step through, bounded on a 100 MB log.
pub const MAX_MATCHES: usize = 10_000;

impl LogText {
    /// Adds the next piece of the file; a line may span pieces.
    pub fn push(&mut self, piece: &[u8]) {
        let base = self.bytes.len();
        self.bytes.extend_from_slice(piece);
        self.starts.extend(piece.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| base + i + 1));
    }

    /// Bytes held.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    /// Lines held; a final newline does not start another line.
    pub fn lines(&self) -> usize {
        if self.bytes.is_empty() {
            return 0;
        }
        let ends_with_newline = self.starts.last() == Some(&self.bytes.len());
        self.starts.len() + usize::from(!ends_with_newline)
    }

    fn range(&self, line: usize) -> Option<(usize, usize)> {
        let start = if line == 0 { 0 } else { *self.starts.get(line - 1)? };
        let end = self.starts.get(line).map_or(self.bytes.len(), |next| next - 1);
        (line < self.lines()).then_some((start, end))
    }

    fn raw(&self, line: usize) -> Option<&[u8]> {
        let (start, end) = self.range(line)?;
        let raw = self.bytes.get(start..end)?;
        Some(raw.strip_suffix(b"\r").unwrap_or(raw))
    }

    /// Line `line` (from 0) as text; bytes that are not UTF-8 show as U+FFFD.
    pub fn line(&self, line: usize) -> Option<Cow<'_, str>> {
        self.raw(line).map(String::from_utf8_lossy)
    }

    /// The line's level, if it is an ERROR or WARN line of Flink's log format
    /// (`2026-12-04 10:00:00,123 WARN  org.apache…`), or an exception's stack below one.
    pub fn level(&self, line: usize) -> Option<Level> {
        let raw = self.raw(line)?;
        let head = raw.get(..raw.len().min(40)).unwrap_or(raw);
        if contains(head, b" ERROR ") {
            Some(Level::Error)
        } else if contains(head, b" WARN ") {
            Some(Level::Warn)
        } else {
            None
        }
    }

    /// The lines holding `needle` (ASCII case folded), first to last, at most [`MAX_MATCHES`].
    pub fn find(&self, needle: &str) -> Vec<usize> {
        let needle: Vec<u8> = needle.bytes().map(|b| b.to_ascii_lowercase()).collect();
        let Some((&first, rest)) = needle.split_first() else { return Vec::new() };
        let mut found: Vec<usize> = Vec::new();
        let mut at = 0;
        while let Some(offset) = self.bytes.get(at..).and_then(|tail| tail.iter().position(|b| b.to_ascii_lowercase() == first)) {
            let start = at + offset;
            let candidate = self.bytes.get(start + 1..start + 1 + rest.len());
            if candidate.is_some_and(|c| c.eq_ignore_ascii_case(rest)) {
                // The line of a byte: how many line starts are at or before it.
                let line = self.starts.partition_point(|&s| s <= start);
                if found.last() != Some(&line) {
                    found.push(line);
                    if found.len() == MAX_MATCHES {
                        break;
                    }
                }
                // The rest of this line holds nothing new.
                at = self.starts.get(line).copied().unwrap_or(self.bytes.len());
            } else {
                at = start + 1;
            }
        }
        found
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// `text` cut where `needle` (ASCII case folded) occurs: `(piece, is_match)` in order, for
/// marking the matches of a shown line.
pub fn split_matches<'a>(text: &'a str, needle: &str) -> Vec<(&'a str, bool)> {
    if needle.is_empty() {
        return vec![(text, false)];
    }
    let (lower, needle) = (text.to_ascii_lowercase(), needle.to_ascii_lowercase());
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, _) in lower.match_indices(&needle) {
        let end = start + needle.len();
        // ASCII folding keeps byte offsets, so these are char boundaries of `text` too.
        if let (Some(before), Some(hit)) = (text.get(at..start), text.get(start..end)) {
            if !before.is_empty() {
                pieces.push((before, false));
            }
            pieces.push((hit, true));
            at = end;
        }
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        pieces.push((rest, false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn log(pieces: &[&str]) -> LogText {
        let mut t = LogText::default();
        pieces.iter().for_each(|p| t.push(p.as_bytes()));
        t
    }

    #[test]
    fn lines_are_found_across_pieces_and_a_final_newline_adds_none() {
        let t = log(&["first\nsec", "ond\r\n", "third"]);
        assert_eq!(t.lines(), 3);
        assert_eq!((t.line(0).unwrap(), t.line(1).unwrap(), t.line(2).unwrap()), ("first".into(), "second".into(), "third".into()));
        assert_eq!(t.line(3), None);
        assert_eq!(log(&["a\nb\n"]).lines(), 2);
        assert_eq!(log(&["\n"]).lines(), 1);
        assert_eq!(log(&[]).lines(), 0);
        assert_eq!(log(&[]).line(0), None);
    }

    #[test]
    fn bytes_that_are_not_utf8_do_not_break_the_line() {
        let mut t = LogText::default();
        t.push(b"ok\n\xff\xfe broken\n");
        assert_eq!(t.line(1).unwrap(), "\u{fffd}\u{fffd} broken");
    }

    #[test]
    fn error_and_warn_lines_are_told_by_their_level() {
        let t = log(&[
            "2026-12-04 10:00:00,123 ERROR org.apache.flink.Foo [] - broke\n",
            "2026-12-04 10:00:00,124 WARN  org.apache.flink.Foo [] - careful\n",
            "2026-12-04 10:00:00,125 INFO  org.apache.flink.Foo [] - an ERROR in the message\n",
        ]);
        assert_eq!((0..3).map(|i| t.level(i)).collect::<Vec<_>>(), [Some(Level::Error), Some(Level::Warn), None]);
    }

    #[test]
    fn search_finds_each_line_once_in_any_case() {
        let t = log(&["Checkpoint 1\nnothing\ncheckpoint 2 of CHECKPOINT\n", "last checkpoin", "t"]);
        assert_eq!(t.find("checkpoint"), [0, 2, 3]);
        assert_eq!(t.find("CHECK"), [0, 2, 3]);
        assert_eq!(t.find(""), Vec::<usize>::new());
        assert_eq!(t.find("absent"), Vec::<usize>::new());
        assert_eq!(t.find("g\nc"), [1], "a match across lines belongs to its first line");
    }

    #[test]
    fn search_stops_at_the_cap() {
        let mut t = LogText::default();
        t.push("x\n".repeat(MAX_MATCHES + 5).as_bytes());
        assert_eq!(t.find("x").len(), MAX_MATCHES);
    }

    #[test]
    fn matches_are_cut_out_of_a_line_for_marking() {
        assert_eq!(split_matches("a Foo b foo", "foo"), [("a ", false), ("Foo", true), (" b ", false), ("foo", true)]);
        assert_eq!(split_matches("none", "x"), [("none", false)]);
        assert_eq!(split_matches("é foo", "FOO"), [("é ", false), ("foo", true)]);
    }
}
