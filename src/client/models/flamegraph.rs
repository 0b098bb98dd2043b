//! `GET /jobs/{id}/vertices/{vertex}/flamegraph`: sampled stack traces of a vertex's threads as
//! a tree, which Flink builds on demand when `rest.flamegraph.enabled` is set.
use serde::{Deserialize, Serialize};

use super::null_default;
use crate::client::ClientError;
use crate::client::request::Answer;

/// How deep a flame graph may nest (objects and arrays: two per frame). serde_json stops at
/// 128 by default, which is 64 frames, less than a real Flink stack; decoding recurses, so the
/// depth is checked before, and the wasm stack never overflows on a hostile answer.
const MAX_NESTING: usize = 512;

/// A vertex's flame graph, or why there is none yet.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct VertexFlameGraph {
    /// When the samples were taken, epoch ms; Flink's negative codes are in `state` (`endTimestamp`).
    pub end_timestamp: i64,
    /// What the answer is (derived from `endTimestamp`).
    pub state: FlameGraphState,
    /// The sampled stacks, from the root (`data`); `None` unless ready.
    pub data: Option<FlameNode>,
}

/// Whether Flink has a flame graph for the vertex.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum FlameGraphState {
    /// Sampled: `root` holds it.
    Ready,
    /// Flink is taking the first samples (`endTimestamp` -3): ask again in a few seconds.
    Waiting,
    /// `rest.flamegraph.enabled` is off on the cluster (-2).
    Disabled,
    /// The vertex's tasks are no longer running (-1).
    Terminated,
}

/// One frame: its method and line, how many samples were in it, and what it called.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "npm", derive(tsify::Tsify))]
#[serde(rename_all(serialize = "camelCase"))]
pub struct FlameNode {
    /// `class.method:line`, or `root` (`name`).
    #[serde(default)]
    pub name: String,
    /// Samples in this frame and below (`value`).
    #[serde(default)]
    pub value: u64,
    /// The frames it called (`children`).
    #[serde(default, deserialize_with = "null_default::deserialize")]
    pub children: Vec<FlameNode>,
}

/// The wire shape, decoded once the depth is known to be safe.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Wire {
    #[serde(default)]
    end_timestamp: i64,
    #[serde(default)]
    data: Option<FlameNode>,
}

impl Answer for VertexFlameGraph {
    fn from_body(url: &str, text: &str) -> Result<Self, ClientError> {
        let depth = nesting(text);
        if depth > MAX_NESTING {
            return Err(ClientError::Decode {
                url: url.to_string(),
                path: "data".into(),
                message: format!("the flame graph nests {depth} levels deep; the console reads up to {MAX_NESTING} ({} frames)", MAX_NESTING / 2),
            });
        }
        let mut de = serde_json::Deserializer::from_str(text);
        de.disable_recursion_limit();
        let wire = Wire::deserialize(&mut de).and_then(|w| de.end().map(|()| w));
        let Ok(wire) = wire else {
            // The error every other answer gives, with its JSON path (the depth is safe now).
            let error = crate::client::transport::decode_json::<Wire>(url, text).err();
            return Err(error.unwrap_or_else(|| ClientError::InvalidInput(format!("{url}: unreadable flame graph"))));
        };
        let state = match wire.end_timestamp {
            -1 => FlameGraphState::Terminated,
            -2 => FlameGraphState::Disabled,
            -3 => FlameGraphState::Waiting,
            _ if wire.data.is_some() => FlameGraphState::Ready,
            _ => FlameGraphState::Waiting,
        };
        Ok(Self { end_timestamp: wire.end_timestamp, state, data: wire.data.filter(|_| state == FlameGraphState::Ready) })
    }
}

/// The deepest nesting of objects and arrays in JSON text, outside strings; iterative.
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(frames: usize) -> String {
        let mut s = String::from(r#"{"endTimestamp":5,"data":"#);
        for i in 0..frames {
            s.push_str(&format!(r#"{{"name":"f{i} \"]{{","value":1,"children":["#));
        }
        s.push_str(&"]}".repeat(frames));
        s.push('}');
        s
    }

    #[test]
    fn deep_stacks_decode_and_hostile_depths_are_an_error_not_a_crash() {
        let g = VertexFlameGraph::from_body("u", &chain(200)).unwrap();
        assert_eq!(g.state, FlameGraphState::Ready);
        let mut depth = 0;
        let mut node = g.data.as_ref();
        while let Some(n) = node {
            depth += 1;
            node = n.children.first();
        }
        assert_eq!(depth, 200, "200 frames, past serde_json's default limit of 64");
        let err = VertexFlameGraph::from_body("u", &chain(5_000)).unwrap_err();
        assert!(err.to_string().contains("nests"), "{err}");
    }

    #[test]
    fn flinks_codes_say_why_there_is_no_graph() {
        let state = |t: &str| VertexFlameGraph::from_body("u", t).unwrap().state;
        assert_eq!(state(r#"{"endTimestamp":-3}"#), FlameGraphState::Waiting);
        assert_eq!(state(r#"{"endTimestamp":-2}"#), FlameGraphState::Disabled);
        assert_eq!(state(r#"{"endTimestamp":-1}"#), FlameGraphState::Terminated);
        assert_eq!(state(r#"{"endTimestamp":7,"data":{"name":"root","value":3}}"#), FlameGraphState::Ready);
        assert!(VertexFlameGraph::from_body("u", r#"{"endTimestamp":"x"}"#).is_err());
        assert!(VertexFlameGraph::from_body("u", "not json").is_err());
    }
}
