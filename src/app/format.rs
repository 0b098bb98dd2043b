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
    let Some(signed) = n.get() else { return "–".into() };
    let Ok(n) = u64::try_from(signed) else { return format!("{signed} B") };
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    // Tenths in integers: float formatting would pull ~15 KB of code into every page.
    let mut unit = 0;
    let mut scale = 1u64;
    while n / scale >= 1024 && unit < UNITS.len() - 1 {
        scale *= 1024;
        unit += 1;
    }
    let tenths = (u128::from(n) * 10 + u128::from(scale) / 2) / u128::from(scale);
    match UNITS.get(unit) {
        Some(name) if unit > 0 => format!("{}.{} {name}", tenths / 10, tenths % 10),
        _ => format!("{n} B"),
    }
}

/// A share of each second spent on something (Flink's `…TimeMsPerSecond`, 0–1000) as `45%`;
/// `–` when unknown.
pub fn per_mille_second(ms: Option<f64>) -> String {
    match ms {
        Some(ms) if ms.is_finite() => format!("{}%", (ms.clamp(0.0, 1000.0) / 10.0).round() as i64),
        _ => "–".into(),
    }
}

/// A rate or count for people: `0.5`, `12`, `3.4k`, `1.2M`; `–` when unknown.
pub fn amount(n: Option<f64>) -> String {
    let Some(n) = n.filter(|n| n.is_finite()) else { return "–".into() };
    // Tenths in integers, as in `bytes`.
    let tenths = |v: f64| {
        let t = (v * 10.0).round() as i64;
        format!("{}.{}", t / 10, (t % 10).abs())
    };
    let a = n.abs();
    if a < 10.0 && a.fract() != 0.0 {
        tenths(n)
    } else if a < 1_000.0 {
        format!("{}", n.round() as i64)
    } else if a < 1_000_000.0 {
        format!("{}k", tenths(n / 1_000.0))
    } else {
        format!("{}M", tenths(n / 1_000_000.0))
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
        assert_eq!(bytes(1_048_576.into()), "1.0 MB");
        assert_eq!(bytes(3_565_158.into()), "3.4 MB");
        assert_eq!(bytes(1_023.into()), "1023 B");
        assert_eq!(bytes(i64::MAX.into()), "8388608.0 TB");
    }

    #[test]
    fn shares_and_rates_read_naturally() {
        assert_eq!(per_mille_second(Some(453.0)), "45%");
        assert_eq!(per_mille_second(Some(1200.0)), "100%");
        assert_eq!(per_mille_second(Some(f64::NAN)), "–");
        assert_eq!(per_mille_second(None), "–");
        assert_eq!(amount(Some(0.0)), "0");
        assert_eq!(amount(Some(0.46)), "0.5");
        assert_eq!(amount(Some(20.016)), "20");
        assert_eq!(amount(Some(3_456.0)), "3.5k");
        assert_eq!(amount(Some(1_250_000.0)), "1.3M");
        assert_eq!(amount(Some(f64::INFINITY)), "–");
    }
}
