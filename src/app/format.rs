//! Formatting of Flink's numbers for people: times, durations, sizes.
use crate::client::{Bytes, Millis, Timestamp};

/// Epoch milliseconds as local `YYYY-MM-DD HH:MM:SS`; `–` when unset.
pub fn time(at: Timestamp) -> String {
    match at.get() {
        Some(ms) if ms > 0 => {
            let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
                d.get_full_year(),
                d.get_month() + 1,
                d.get_date(),
                d.get_hours(),
                d.get_minutes(),
                d.get_seconds()
            )
        }
        _ => "–".into(),
    }
}

/// Milliseconds as `1h 2m 3s`, `2m 3s`, `3s` or `450ms`; `–` when unset.
pub fn duration(ms: Millis) -> String {
    let Some(ms) = ms.get() else { return "–".into() };
    if ms < 1_000 {
        return format!("{ms}ms");
    }
    let s = ms / 1_000;
    let (d, h, m, s) = (s / 86_400, s / 3_600 % 24, s / 60 % 60, s % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m {s}s"),
        (0, _, _) => format!("{h}h {m}m {s}s"),
        _ => format!("{d}d {h}h {m}m"),
    }
}

/// Bytes as `512 B`, `2.0 KB`, `3.4 MB`, …; `–` when unset.
pub fn bytes(n: Bytes) -> String {
    let Some(n) = n.get() else { return "–".into() };
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    match UNITS.get(unit) {
        Some(name) if unit > 0 => format!("{value:.1} {name}"),
        _ => format!("{n} B"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_sizes_read_naturally() {
        assert_eq!(duration(450.into()), "450ms");
        assert_eq!(duration(65_000.into()), "1m 5s");
        assert_eq!(duration(3_723_000.into()), "1h 2m 3s");
        assert_eq!(duration(Millis::NONE), "–");
        assert_eq!(bytes(512.into()), "512 B");
        assert_eq!(bytes(2_082.into()), "2.0 KB");
        assert_eq!(bytes((-1).into()), "–");
    }
}
