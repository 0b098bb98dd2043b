//! Formatting of Flink's numbers for people: times, durations, sizes.

/// Epoch milliseconds as local `YYYY-MM-DD HH:MM:SS`; `–` when unset.
pub fn time(ms: Option<i64>) -> String {
    match ms {
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
pub fn duration(ms: Option<i64>) -> String {
    let Some(ms) = ms.filter(|m| *m >= 0) else { return "–".into() };
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
pub fn bytes(n: Option<i64>) -> String {
    let Some(n) = n.filter(|n| *n >= 0) else { return "–".into() };
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut value = n as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 { format!("{n} B") } else { format!("{value:.1} {}", UNITS[unit]) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_sizes_read_naturally() {
        assert_eq!(duration(Some(450)), "450ms");
        assert_eq!(duration(Some(65_000)), "1m 5s");
        assert_eq!(duration(Some(3_723_000)), "1h 2m 3s");
        assert_eq!(duration(None), "–");
        assert_eq!(bytes(Some(512)), "512 B");
        assert_eq!(bytes(Some(2_082)), "2.0 KB");
        assert_eq!(bytes(Some(-1)), "–");
    }
}
