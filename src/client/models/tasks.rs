//! Task counts by state: the `tasks` of every job in `/jobs/overview` and of every vertex.
use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::client::models::Text;

/// The states Flink counts, as a job (lowercase, with `total`) and a vertex (uppercase) name
/// them.
const KNOWN: [&str; N] = [
    "CANCELED", "CANCELING", "CREATED", "DEPLOYING", "FAILED", "FINISHED", "INITIALIZING", "RECONCILING", "RUNNING",
    "SCHEDULED", "canceled", "canceling", "created", "deploying", "failed", "finished", "initializing", "reconciling",
    "running", "scheduled", "total",
];
const N: usize = 21;

/// Where `state` is in [`KNOWN`]. Length and first byte rule out all but one or two before any
/// string is compared: a 10,000-job answer asks this 110,000 times, and a `match` on the
/// strings (one comparison per arm) was a tenth of its decoding time in the browser.
fn index(state: &str) -> Option<usize> {
    let first = *state.as_bytes().first()?;
    KNOWN.iter().position(|k| k.len() == state.len() && k.as_bytes().first() == Some(&first) && *k == state)
}

/// Task counts by state, as Flink sends them: `{"running": 2, "total": 2, …}` for a job,
/// `{"RUNNING": 2, …}` for a vertex. To serde and JavaScript it is that map, its keys Flink's.
///
/// A known state's count has a fixed place and no allocated name: the 10,000 jobs of a big
/// cluster's `/jobs/overview` carry 110,000 of them, and decoding those into a
/// `BTreeMap<String, u32>` was two thirds of that answer's decoding time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TaskCounts {
    /// Bit `i` set: Flink sent `KNOWN[i]`, counted in `counts[i]`.
    present: u32,
    counts: [u32; N],
    /// States this client does not know, in the order Flink sent them.
    other: Vec<(String, u32)>,
}

impl TaskCounts {
    /// The count of one state as Flink names it (`running`, `total`, `RUNNING`), if it sent one.
    pub fn get(&self, state: &str) -> Option<u32> {
        match index(state) {
            Some(i) => (self.present & (1 << i) != 0).then(|| self.counts.get(i).copied()).flatten(),
            None => self.other.iter().find(|(k, _)| k == state).map(|(_, n)| *n),
        }
    }

    /// The job's `total`, or 0 when Flink sent none.
    pub fn total(&self) -> u32 {
        self.get("total").unwrap_or_default()
    }

    /// Every state Flink sent and its count: the known ones by name, then the others.
    pub fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        let known = KNOWN.iter().zip(self.counts).enumerate().filter(|(i, _)| self.present & (1 << i) != 0);
        known.map(|(_, (k, n))| (*k, n)).chain(self.other.iter().map(|(k, n)| (k.as_str(), *n)))
    }

    /// Sets the count of `state` (a later count of the same state replaces the earlier one).
    pub fn insert(&mut self, state: &str, count: u32) {
        match index(state) {
            Some(i) => {
                if let Some(slot) = self.counts.get_mut(i) {
                    *slot = count;
                    self.present |= 1 << i;
                }
            }
            None => match self.other.iter_mut().find(|(k, _)| k == state) {
                Some(entry) => entry.1 = count,
                None => self.other.push((state.to_string(), count)),
            },
        }
    }
}

impl<S: AsRef<str>> FromIterator<(S, u32)> for TaskCounts {
    fn from_iter<I: IntoIterator<Item = (S, u32)>>(pairs: I) -> Self {
        let mut counts = Self::default();
        for (state, n) in pairs {
            counts.insert(state.as_ref(), n);
        }
        counts
    }
}

impl Serialize for TaskCounts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.present.count_ones() as usize + self.other.len()))?;
        for (state, n) in self.iter() {
            map.serialize_entry(state, &n)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for TaskCounts {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Counts;
        impl<'de> Visitor<'de> for Counts {
            type Value = TaskCounts;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("task counts by state")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TaskCounts, A::Error> {
                let mut counts = TaskCounts::default();
                while let Some(Text(state)) = map.next_key::<Text<'de>>()? {
                    let n = map.next_value::<u32>()?;
                    counts.insert(&state, n);
                }
                Ok(counts)
            }
        }
        d.deserialize_map(Counts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_flinks_map_whatever_the_states() {
        let text = r#"{"running":2,"canceling":0,"total":3,"failed":1,"someday":7,"running":4}"#;
        let counts: TaskCounts = serde_json::from_str(text).unwrap();
        assert_eq!((counts.get("running"), counts.total(), counts.get("someday"), counts.get("RUNNING")), (Some(4), 3, Some(7), None));
        let names: Vec<&str> = counts.iter().map(|(k, _)| k).collect();
        assert_eq!(names, ["canceling", "failed", "running", "total", "someday"], "known ones by name, a repeated state once");
        assert_eq!(serde_json::to_string(&counts).unwrap(), r#"{"canceling":0,"failed":1,"running":4,"total":3,"someday":7}"#);
        assert_eq!(counts, TaskCounts::from_iter([("total", 3), ("someday", 7), ("running", 4), ("failed", 1), ("canceling", 0)]));
        assert!(serde_json::from_str::<TaskCounts>(r#"{"running":-1}"#).is_err(), "a count is never negative");
        assert!(serde_json::from_str::<TaskCounts>(r#"{"run\u006eing":1}"#).unwrap().get("running") == Some(1), "escaped names too");
    }

    #[test]
    fn every_known_state_has_its_own_place() {
        assert_eq!(KNOWN.len(), N);
        assert!(KNOWN.iter().enumerate().all(|(i, k)| index(k) == Some(i)));
    }
}
