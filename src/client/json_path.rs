//! Finds the JSON path (`vertices[0].id`) of the value at a byte offset of a JSON text. Decode
//! errors use it to name the field that did not fit, from serde_json's line and column, so that
//! decoding stays plain serde_json (a path-tracking deserializer costs much wasm size).

/// One step of a path: an object key or an array index.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The path of the innermost value whose text contains `offset`; `.` for the root.
pub fn path_at(text: &str, offset: usize) -> String {
    let mut walker = Walker { text: text.as_bytes(), pos: 0, target: offset, path: Vec::new(), found: None };
    walker.value();
    walker.found.unwrap_or_else(|| ".".into())
}

/// The byte offset of serde_json's 1-based line and column (the last byte it read).
pub fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    line_start + column.saturating_sub(1)
}

struct Walker<'a> {
    text: &'a [u8],
    pos: usize,
    target: usize,
    path: Vec<Step<'a>>,
    found: Option<String>,
}

impl<'a> Walker<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    /// Walks one value. Children finish first, so the innermost value containing the target
    /// records its path and its parents leave it. A value cut off by the end of the text
    /// contains every later offset. Returns whether it advanced.
    fn value(&mut self) -> bool {
        self.skip_ws();
        let start = self.pos;
        let closed = match self.peek() {
            Some(b'{') => self.object(),
            Some(b'[') => self.array(),
            Some(b'"') => self.string().is_some(),
            Some(_) => {
                while self.peek().is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b':') && !b.is_ascii_whitespace()) {
                    self.pos += 1;
                }
                self.pos > start
            }
            None => false,
        };
        let end = if closed { self.pos } else { usize::MAX };
        if self.found.is_none() && start <= self.target && self.target < end {
            self.found = Some(self.render());
        }
        self.pos > start
    }

    /// Returns whether the object was closed by `}`.
    fn object(&mut self) -> bool {
        self.pos += 1;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'}') => {
                    self.pos += 1;
                    return true;
                }
                Some(b',') => self.pos += 1,
                Some(b'"') => {
                    let Some(key) = self.string() else { return false };
                    self.skip_ws();
                    if self.peek() != Some(b':') {
                        return false;
                    }
                    self.pos += 1;
                    self.path.push(Step::Key(key));
                    let advanced = self.value();
                    self.path.pop();
                    if !advanced {
                        return false;
                    }
                }
                _ => return false,
            }
        }
    }

    /// Returns whether the array was closed by `]`.
    fn array(&mut self) -> bool {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b']') => {
                    self.pos += 1;
                    return true;
                }
                Some(b',') => {
                    self.pos += 1;
                    index += 1;
                }
                None => return false,
                Some(_) => {
                    self.path.push(Step::Index(index));
                    let advanced = self.value();
                    self.path.pop();
                    if !advanced {
                        return false;
                    }
                }
            }
        }
    }

    /// Consumes a string literal; its raw contents (escapes as written), or `None` if unclosed.
    fn string(&mut self) -> Option<&'a str> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => break,
                _ => self.pos += 1,
            }
        }
        let raw = self.text.get(start..self.pos)?;
        self.pos += 1;
        std::str::from_utf8(raw).ok()
    }

    fn render(&self) -> String {
        let mut out = String::new();
        for step in &self.path {
            match step {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        if out.is_empty() { ".".into() } else { out }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_innermost_value() {
        let t = r#"{"jid": "x", "vertices": [{"id": "nope", "n": 1}], "tasks": {"running": "one"}}"#;
        let at = |needle: &str| path_at(t, t.find(needle).unwrap());
        assert_eq!(at("\"nope\""), "vertices[0].id");
        assert_eq!(at("1}"), "vertices[0].n");
        assert_eq!(at("\"one\""), "tasks.running");
        assert_eq!(at("{\"id\""), "vertices[0]");
        assert_eq!(path_at(t, 0), ".");
        assert_eq!(path_at(t, t.len() - 1), ".");
    }

    #[test]
    fn survives_broken_text() {
        for t in ["", "{", "[", "{\"a\"", "{\"a\":", "[1,", "{\"a\": [1, }", "\"abc", "}}", "[\\"] {
            for i in 0..t.len() + 2 {
                let _ = path_at(t, i);
            }
        }
        assert_eq!(path_at("{\"jobs\": [{\"jid\": ", 100), "jobs[0].jid");
    }

    #[test]
    fn maps_lines_and_columns_to_offsets() {
        let t = "{\n  \"a\": 1\n}";
        assert_eq!(offset_of(t, 2, 8), t.find('1').unwrap());
        assert_eq!(offset_of(t, 1, 1), 0);
    }
}
